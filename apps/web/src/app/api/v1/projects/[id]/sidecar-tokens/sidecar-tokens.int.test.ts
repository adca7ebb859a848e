import { newId, prisma } from "@bulwark/db";
import { createTestOrg } from "@bulwark/db/testing";
import { describe, expect, it } from "vitest";
import { POST as heartbeat } from "@/app/api/v1/ingest/heartbeat/route";
import { hashSecretToken } from "@/server/auth/secret-token";
import { apiRequest, createTestApiKey, routeParams } from "@/testing/credentials";
import { DELETE } from "./[tokenId]/route";
import { GET, POST } from "./route";

async function setup() {
  const org = await createTestOrg("Sidecar tokens");
  const { token } = await createTestApiKey(org, "owner");
  const project = await prisma.project.create({ data: { id: newId("project"), orgId: org.orgId, name: "p", environment: "SANDBOX" } });
  return { org, token, projectId: project.id };
}

describe("sidecar tokens API", () => {
  it("creates a token shown once, lists it without its secret, revokes it, and the revoked token stops working", async () => {
    const { org, token, projectId } = await setup();
    const created = await POST(apiRequest("POST", `/api/v1/projects/${projectId}/sidecar-tokens`, { token, body: { name: "cluster a" } }), routeParams({ id: projectId }));
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; token: string; prefix: string; projectId: string };
    expect(body.token).toMatch(/^bws_[0-9a-z]{42}$/);
    expect(body.token.startsWith(body.prefix)).toBe(true);
    expect(body.projectId).toBe(projectId);

    const row = await prisma.sidecarToken.findUniqueOrThrow({ where: { id: body.id } });
    expect(row.hash).toBe(hashSecretToken(body.token));
    expect(JSON.stringify(row)).not.toContain(body.token);
    const audit = await prisma.auditLogEntry.findMany({ where: { orgId: org.orgId, targetId: body.id }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["sidecar_token.create"]);

    const listed = await GET(apiRequest("GET", `/api/v1/projects/${projectId}/sidecar-tokens`, { token }), routeParams({ id: projectId }));
    const page = (await listed.json()) as { data: Record<string, unknown>[] };
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({ id: body.id, name: "cluster a", revokedAt: null });
    expect(page.data[0]).not.toHaveProperty("token");

    const beat = () => heartbeat(apiRequest("POST", "/api/v1/ingest/heartbeat", { token: body.token }));
    expect((await beat()).status).toBe(200);

    const revoked = await DELETE(apiRequest("DELETE", `/api/v1/projects/${projectId}/sidecar-tokens/${body.id}`, { token }), routeParams({ id: projectId, tokenId: body.id }));
    expect(revoked.status).toBe(204);
    expect((await prisma.sidecarToken.findUniqueOrThrow({ where: { id: body.id } })).revokedAt).not.toBeNull();
    expect((await beat()).status).toBe(401);
    // Idempotent, audited once.
    expect((await DELETE(apiRequest("DELETE", `/api/v1/projects/${projectId}/sidecar-tokens/${body.id}`, { token }), routeParams({ id: projectId, tokenId: body.id }))).status).toBe(204);
    const actions = await prisma.auditLogEntry.findMany({ where: { orgId: org.orgId, targetId: body.id }, orderBy: { seq: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["sidecar_token.create", "sidecar_token.revoke"]);
  });

  it("treats a token of another project of the same org as not found", async () => {
    const { org, token, projectId } = await setup();
    const other = await prisma.project.create({ data: { id: newId("project"), orgId: org.orgId, name: "q", environment: "SANDBOX" } });
    const created = (await (await POST(apiRequest("POST", `/api/v1/projects/${other.id}/sidecar-tokens`, { token, body: { name: "x" } }), routeParams({ id: other.id }))).json()) as { id: string };
    const res = await DELETE(apiRequest("DELETE", `/api/v1/projects/${projectId}/sidecar-tokens/${created.id}`, { token }), routeParams({ id: projectId, tokenId: created.id }));
    expect(res.status).toBe(404);
  });
});
