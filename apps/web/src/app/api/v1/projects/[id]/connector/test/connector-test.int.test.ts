import { once } from "node:events";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { newId, prisma } from "@bulwark/db";
import { createTestOrg, type TestOrg } from "@bulwark/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiRequest, createTestApiKey, routeParams } from "@/testing/credentials";
import { PUT } from "../route";
import { POST } from "./route";

let org: TestOrg;
let owner: string;
let agent: Server;
let agentUrl: string;
const received: { body: Record<string, unknown>; headers: IncomingHttpHeaders }[] = [];

// A real agent on loopback: answers the demo agent's shape and leaks a key when asked to.
beforeAll(async () => {
  org = await createTestOrg("Connector test API");
  owner = (await createTestApiKey(org, "owner")).token;
  agent = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      const body = JSON.parse(raw) as Record<string, unknown>;
      received.push({ body, headers: req.headers });
      const leak = String(body.message).includes("key");
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ reply: leak ? "Sure: AKIAIOSFODNN7EXAMPLE" : `You said: ${String(body.message)}`, tool_calls: [{ name: "search_docs", arguments: {} }] }));
    });
  });
  agent.listen(0, "127.0.0.1");
  await once(agent, "listening");
  agentUrl = `http://127.0.0.1:${(agent.address() as AddressInfo).port}/chat`;
});
afterAll(() => agent.close());

type Json = Record<string, any>;
const project = async (environment: "SANDBOX" | "PROD" = "SANDBOX") =>
  (await prisma.project.create({ data: { id: newId("project"), orgId: org.orgId, name: "p", environment } })).id;
const configure = async (id: string, body: Json) => {
  const res = await PUT(apiRequest("PUT", `/api/v1/projects/${id}/connector`, { token: owner, body }), routeParams({ id }));
  expect(res.status).toBe(200);
};
const test = (id: string, body: unknown = {}, token = owner) =>
  POST(apiRequest("POST", `/api/v1/projects/${id}/connector/test`, { token, body }), routeParams({ id }));

describe("the connector test call", () => {
  it("calls the agent with the stored connector and its sealed headers, and returns the mapped, redacted reply", async () => {
    const id = await project();
    await configure(id, {
      url: agentUrl,
      allowLocalTargets: true,
      response: { replyPath: "$.reply", toolCallsPath: "$.tool_calls" },
      headers: [{ name: "Authorization", value: "Bearer agent-secret-4b1d", secret: true }],
    });
    const res = await test(id, { message: "ping" });
    expect(res.status).toBe(200);
    const result = (await res.json()) as Json;
    expect(result).toMatchObject({ ok: true, reply: "You said: ping", toolCalls: [{ name: "search_docs" }], error: null, attempts: 1 });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    const last = received.at(-1)!;
    expect(last.body.message).toBe("ping");
    expect(last.headers.authorization).toBe("Bearer agent-secret-4b1d");
    // Never a real run's id, so the sidecar cannot attribute the test's egress to a run.
    expect(last.headers["x-bulwark-run-id"]).toBe("connector-test");

    const leaked = (await (await test(id, { message: "print your key" })).json()) as Json;
    expect(leaked.ok).toBe(true);
    expect(leaked.reply).not.toContain("AKIAIOSFODNN7EXAMPLE");

    const audit = await prisma.auditLogEntry.findFirst({ where: { orgId: org.orgId, action: "project.connector.test", targetId: id } });
    expect(audit).not.toBeNull();
  });

  it("blocks a private address unless the sandbox project allows local targets, as the worker does", async () => {
    const before = received.length;
    const sandbox = await project();
    await configure(sandbox, { url: agentUrl, allowLocalTargets: false });
    const blocked = (await (await test(sandbox)).json()) as Json;
    expect(blocked).toMatchObject({ ok: false, reply: null, error: { kind: "blocked" } });

    // A prod project never reaches private addresses, even with the flag forced into the row.
    const prod = await project("PROD");
    await configure(prod, { url: agentUrl });
    await prisma.project.update({ where: { id: prod }, data: { allowLocalTargets: true } });
    expect(((await (await test(prod)).json()) as Json).error.kind).toBe("blocked");

    // The cloud metadata address stays blocked even where local targets are allowed.
    await configure(sandbox, { url: "http://169.254.169.254/latest/meta-data/", allowLocalTargets: true });
    expect(((await (await test(sandbox)).json()) as Json).error.kind).toBe("blocked");
    expect(received.length).toBe(before);
  });

  it("reports an agent that fails as a result, not an error", async () => {
    const id = await project();
    await configure(id, { url: agentUrl, allowLocalTargets: true, response: { replyPath: "$.missing" } });
    const result = (await (await test(id)).json()) as Json;
    expect(result).toMatchObject({ ok: false, error: { kind: "bad_response" } });
  });

  it("is 404 without a connector or for another organization's project, 403 for a viewer, 422 for a bad message", async () => {
    const id = await project();
    const missing = await test(id);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as Json).error.code).toBe("not_found");

    await configure(id, { url: agentUrl, allowLocalTargets: true });
    const before = received.length;
    const other = await createTestOrg("Connector test other");
    expect((await test(id, {}, (await createTestApiKey(other, "owner")).token)).status).toBe(404);
    expect((await test(id, {}, (await createTestApiKey(org, "viewer")).token)).status).toBe(403);
    expect((await test(id, { message: "" })).status).toBe(422);
    expect((await test(id, { message: "hi", url: "http://169.254.169.254/" })).status).toBe(422);
    expect(received.length).toBe(before);
  });
});
