import { newId, prisma } from "@bulwark/db";
import { createTestOrg, type TestOrg } from "@bulwark/db/testing";
import { platformKeys } from "@bulwark/jobs";
import { openSecret } from "@bulwark/redteam";
import { beforeAll, describe, expect, it } from "vitest";
import { env } from "@/env";
import { apiRequest, createTestApiKey, routeParams } from "@/testing/credentials";
import { GET, PUT } from "./route";

let org: TestOrg;
let owner: string;
beforeAll(async () => {
  org = await createTestOrg("Connector API");
  owner = (await createTestApiKey(org, "owner")).token;
});

const project = async (environment: "SANDBOX" | "PROD" = "SANDBOX") =>
  (await prisma.project.create({ data: { id: newId("project"), orgId: org.orgId, name: "p", environment } })).id;
const put = (id: string, body: unknown, token = owner) => PUT(apiRequest("PUT", `/api/v1/projects/${id}/connector`, { token, body }), routeParams({ id }));
const get = (id: string, token = owner) => GET(apiRequest("GET", `/api/v1/projects/${id}/connector`, { token }), routeParams({ id }));

type Json = Record<string, any>;
const SECRET = "Bearer agent-token-7f3a9c2e5b1d";

describe("the agent connector API", () => {
  it("seals secret header values at rest, never shows them again, and keeps one when it is sent without a value", async () => {
    const id = await project();
    expect((await get(id)).status).toBe(404);
    const res = await put(id, {
      url: "https://agent.example.com/chat",
      headers: [
        { name: "Authorization", value: SECRET, secret: true },
        { name: "X-Tenant", value: "acme" },
      ],
    });
    expect(res.status).toBe(200);
    const shown = (await res.json()) as Json;
    expect(shown.headers).toEqual([
      { name: "Authorization", value: null, secret: true },
      { name: "X-Tenant", value: "acme", secret: false },
    ]);
    expect(JSON.stringify(shown)).not.toContain("agent-token");

    const stored = await prisma.project.findUniqueOrThrow({ where: { id } });
    const raw = JSON.stringify(stored.connector);
    expect(raw).not.toContain("agent-token");
    const sealed = (stored.connector as { headers: { name: string; value: string }[] }).headers[0]!.value;
    expect(openSecret(sealed, platformKeys(env.AUTH_SECRET).connectorSecrets)).toBe(SECRET);
    // The audit log never saw it either.
    const audit = await prisma.auditLogEntry.findMany({ where: { orgId: org.orgId, action: "project.connector.update" } });
    expect(JSON.stringify(audit, (_, value: unknown) => (typeof value === "bigint" ? String(value) : value))).not.toContain("agent-token");

    // Change the timeout only: the secret header is sent back as the client saw it (no value).
    const again = await put(id, { url: "https://agent.example.com/chat", timeoutMs: 10_000, headers: [{ name: "Authorization", secret: true }] });
    expect(again.status).toBe(200);
    const kept = (await prisma.project.findUniqueOrThrow({ where: { id } })).connector as { headers: { value: string }[]; timeoutMs: number };
    expect(kept.timeoutMs).toBe(10_000);
    expect(openSecret(kept.headers[0]!.value, platformKeys(env.AUTH_SECRET).connectorSecrets)).toBe(SECRET);
    expect(((await (await get(id)).json()) as Json).timeoutMs).toBe(10_000);
  });

  it("refuses, naming the field: a new secret without a value, a bad reply path, a platform header, local targets outside a sandbox", async () => {
    const id = await project();
    const cases: [unknown, string][] = [
      [{ url: "https://a.example/chat", headers: [{ name: "Authorization", secret: true }] }, "headers.0.value"],
      [{ url: "https://a.example/chat", response: { replyPath: "$..reply" } }, "response.replyPath"],
      [{ url: "https://a.example/chat", headers: [{ name: "X-Bulwark-Run-Id", value: "forged" }] }, "headers.0.name"],
      [{ url: "file:///etc/passwd" }, "url"],
      [{ url: "https://user:pass@a.example/chat" }, "url"],
    ];
    for (const [body, path] of cases) {
      const res = await put(id, body);
      expect(res.status, path).toBe(422);
      expect(((await res.json()) as Json).error.details.fields.map((f: Json) => f.path), path).toContain(path);
    }
    const prod = await put(await project("PROD"), { url: "http://127.0.0.1:4100/chat", allowLocalTargets: true });
    expect(prod.status).toBe(422);
    expect(((await prod.json()) as Json).error.details.fields[0].path).toBe("allowLocalTargets");
  });

  it("is 404 for another organization's project, and a viewer may read but not change it", async () => {
    const id = await project();
    expect((await put(id, { url: "https://agent.example.com/chat" })).status).toBe(200);
    const other = await createTestOrg("Connector other");
    expect((await get(id, (await createTestApiKey(other, "owner")).token)).status).toBe(404);
    const viewer = (await createTestApiKey(org, "viewer")).token;
    expect((await get(id, viewer)).status).toBe(200);
    expect((await put(id, { url: "https://evil.example/chat" }, viewer)).status).toBe(403);
  });
});
