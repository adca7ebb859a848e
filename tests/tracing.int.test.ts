import http from "node:http";
import type net from "node:net";
import path from "node:path";
import { newId, prisma } from "@bulwark/db";
import { createTestOrg } from "@bulwark/db/testing";
import { type RunningTracing, startTracing } from "@bulwark/telemetry/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createRunRoute } from "@/app/api/v1/projects/[id]/runs/route";
import { apiRequest, createTestApiKey, routeParams } from "@/testing/credentials";
import { type Child, children, repoRoot, start, stop, waitForOutput, waitUntil } from "./support/processes";

// One trace across processes, every part real: this process plays the web app (the REST handler
// in-process, with the SDK started as instrumentation.ts does), a worker process executes the run
// from the queue against a tiny local agent, and both export over OTLP/HTTP to a local receiver.

interface ReceivedSpan {
  service: string;
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  attributes: Record<string, unknown>;
}

interface OtlpAttribute {
  key: string;
  value: Record<string, unknown>;
}
interface OtlpExport {
  resourceSpans: {
    resource: { attributes: OtlpAttribute[] };
    scopeSpans: { spans: { name: string; traceId: string; spanId: string; parentSpanId?: string; attributes?: OtlpAttribute[] }[] }[];
  }[];
}

const attributeValue = (value: Record<string, unknown>) => value.stringValue ?? value.intValue ?? value.boolValue ?? value.doubleValue;
const attributes = (list: OtlpAttribute[] = []) => Object.fromEntries(list.map((a) => [a.key, attributeValue(a.value)]));

const spans: ReceivedSpan[] = [];
const exportRequests: { path: string; contentType: string }[] = [];
const receiver = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    exportRequests.push({ path: `${req.method} ${req.url}`, contentType: req.headers["content-type"] ?? "" });
    if (req.method !== "POST" || req.url !== "/v1/traces") return void res.writeHead(404).end();
    const body = JSON.parse(Buffer.concat(chunks).toString()) as OtlpExport;
    for (const resourceSpans of body.resourceSpans) {
      const service = String(attributes(resourceSpans.resource.attributes)["service.name"]);
      for (const scope of resourceSpans.scopeSpans) {
        for (const span of scope.spans) {
          spans.push({ service, name: span.name, traceId: span.traceId, spanId: span.spanId, parentSpanId: span.parentSpanId ?? "", attributes: attributes(span.attributes) });
        }
      }
    }
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
});

const agentTraceparents: (string | undefined)[] = [];
const agent = http.createServer((req, res) => {
  agentTraceparents.push(req.headers.traceparent as string | undefined);
  req.resume();
  req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ reply: "I can't share credentials." })));
});

const listen = async (server: http.Server) => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as net.AddressInfo).port;
};

let tracing: RunningTracing;
let worker: Child;
let receiverUrl: string;
let agentUrl: string;

beforeAll(async () => {
  receiverUrl = `http://127.0.0.1:${await listen(receiver)}`;
  agentUrl = `http://127.0.0.1:${await listen(agent)}`;
  tracing = startTracing({ serviceName: "bulwark-web", tracesUrl: `${receiverUrl}/v1/traces`, scheduleDelayMs: 200 });
  worker = start("worker", [path.join(repoRoot, "apps/worker/src/main.ts")], {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: process.env.DATABASE_URL,
    AUTH_SECRET: process.env.AUTH_SECRET,
    LOG_LEVEL: "info",
    BULWARK_EGRESS_GRACE_MS: "0",
    // The standard variable: the worker appends /v1/traces itself.
    OTEL_EXPORTER_OTLP_ENDPOINT: receiverUrl,
    OTEL_BSP_SCHEDULE_DELAY: "200",
  });
  await waitForOutput(worker, /worker started/);
}, 120_000);

afterAll(async () => {
  await Promise.all(children.map(stop));
  await tracing?.shutdown();
  for (const server of [receiver, agent]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe("tracing: web request → queue → worker run → turn → agent call", () => {
  it("exports one trace across the web and worker processes, continued by the agent's traceparent", async () => {
    const org = await createTestOrg("Tracing");
    const { token } = await createTestApiKey(org, "owner");
    const project = await prisma.project.create({
      data: { id: newId("project"), orgId: org.orgId, name: "Traced agent", environment: "SANDBOX", allowLocalTargets: true, connector: { url: `${agentUrl}/chat` } },
    });
    const created = await createRunRoute(
      apiRequest("POST", `/api/v1/projects/${project.id}/runs`, { token, body: { scenarioKeys: ["secret_leakage.api-key-instruction-override"], intensity: "low" } }),
      routeParams({ id: project.id }),
    );
    expect(created.status, await created.clone().text()).toBe(202);
    const requestId = created.headers.get("x-request-id");
    const runId = ((await created.json()) as { id: string }).id;

    const run = await waitUntil(async () => {
      const found = await prisma.run.findUniqueOrThrow({ where: { id: runId } });
      return found.finishedAt ? found : undefined;
    }, 60_000, "the run to finish");
    expect(run.status).toBe("COMPLETED");
    await tracing.flush();

    const web = spans.find((span) => span.service === "bulwark-web" && span.attributes["bulwark.request_id"] === requestId);
    const runSpan = await waitUntil(async () => spans.find((span) => span.name === "run.execute" && span.attributes["bulwark.run.id"] === runId), 20_000, "the run span");
    const turns = await waitUntil(async () => {
      const found = spans.filter((span) => span.name === "run.turn" && span.attributes["bulwark.run.id"] === runId);
      return found.length >= 1 ? found : undefined;
    }, 20_000, "the turn spans");
    const calls = await waitUntil(async () => {
      const found = spans.filter((span) => span.name === "agent.call" && span.attributes["bulwark.run.id"] === runId);
      return found.length === turns.length ? found : undefined;
    }, 20_000, "an agent call span per turn");

    // The request span: route template, method, status and request id; never the concrete path.
    expect(web).toMatchObject({
      name: "POST /api/v1/projects/{id}/runs",
      parentSpanId: "",
      attributes: { "http.route": "/api/v1/projects/{id}/runs", "http.request.method": "POST", "http.response.status_code": 202, "bulwark.request_id": requestId },
    });
    const traceId = web!.traceId;
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    // The worker's run span continues the request's trace across the queue.
    expect(runSpan).toMatchObject({ service: "bulwark-worker", traceId, parentSpanId: web!.spanId });
    for (const turn of turns) expect(turn).toMatchObject({ service: "bulwark-worker", traceId, parentSpanId: runSpan.spanId, attributes: { "bulwark.scenario.key": "secret_leakage.api-key-instruction-override" } });
    for (const call of calls) {
      expect(call).toMatchObject({ traceId, attributes: { "bulwark.agent.outcome": "ok", "bulwark.agent.attempts": 1 } });
      expect(turns.map((turn) => turn.spanId)).toContain(call.parentSpanId);
    }
    // Nothing a span of this trace carries is message content. (The worker shares the queue with
    // other test files, so the receiver also gets their runs' traces, with other scenario keys.)
    expect(JSON.stringify(spans.filter((span) => span.traceId === traceId))).not.toContain("credentials");

    // The agent got each call's own context, so a tracing agent would continue the same trace.
    expect(agentTraceparents).toHaveLength(calls.length);
    expect(new Set(agentTraceparents)).toEqual(new Set(calls.map((call) => `00-${traceId}-${call.spanId}-01`)));
    expect(exportRequests.every((request) => request.path === "POST /v1/traces" && request.contentType.startsWith("application/json"))).toBe(true);

    // The worker's log lines for the run name it and its trace.
    const runStarted = worker
      .output()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((entry) => entry.msg === "run started" && entry.runId === runId);
    expect(runStarted).toMatchObject({ runId, traceId, spanId: runSpan.spanId });
  }, 120_000);
});
