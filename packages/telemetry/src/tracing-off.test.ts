import { describe, expect, it } from "vitest";
import { activeTraceIds, continueTrace, traceCarrier, withSpan } from "./index";

// No SDK is started in this file: what every process without OTEL_EXPORTER_OTLP_ENDPOINT runs.
describe("with tracing off", () => {
  it("runs the work unchanged, records nothing and propagates nothing", async () => {
    const traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    const seen = await continueTrace({ traceparent }, () =>
      withSpan("work", { attributes: { "bulwark.run.id": "run_1" } }, async (span) => ({ recording: span.isRecording(), carrier: traceCarrier(), ids: activeTraceIds() })),
    );
    expect(seen).toEqual({ recording: false, carrier: {}, ids: undefined });
  });

  it("passes errors through", async () => {
    await expect(withSpan("work", {}, () => Promise.reject(new TypeError("boom")))).rejects.toThrow("boom");
  });
});
