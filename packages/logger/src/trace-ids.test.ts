import { Writable } from "node:stream";
import { context, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { TracerProvider } from "@opentelemetry/sdk-trace";
import { afterAll, describe, expect, it } from "vitest";
import { withoutTrace } from "@bulwark/telemetry";
import { createLogger, withLogContext, withoutLogContext } from "./index";

// A recording tracer (no exporter: nothing leaves the process), as startTracing registers one.
const contextManager = new AsyncLocalStorageContextManager().enable();
context.setGlobalContextManager(contextManager);
trace.setGlobalTracerProvider(new TracerProvider());
afterAll(() => {
  trace.disable();
  context.disable();
});

describe("createLogger with tracing on", () => {
  it("puts the active span's trace and span ids on each line, next to the request id, unless detached", async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = createLogger("test", "info", stream);
    const ids = await withLogContext({ requestId: "req_0123456789abcdef" }, () =>
      trace.getTracer("test").startActiveSpan("request", async (span) => {
        await Promise.resolve();
        log.info("inside");
        withoutLogContext(() => withoutTrace(() => log.info("detached")));
        span.end();
        return span.spanContext();
      }),
    );
    log.info("outside");
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: "inside", requestId: "req_0123456789abcdef", traceId: ids.traceId, spanId: ids.spanId });
    // Neither a line written outside the request nor one detached from it inside carries its ids.
    for (const line of lines.slice(1).map((text) => JSON.parse(text) as Record<string, unknown>)) {
      expect(line).not.toHaveProperty("traceId");
      expect(line).not.toHaveProperty("requestId");
    }
    expect(lines).toHaveLength(3);
  });
});
