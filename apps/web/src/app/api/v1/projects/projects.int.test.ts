import { ensureEventPartitions, newId, prisma } from "@bulwark/db";
import { createTestOrg } from "@bulwark/db/testing";
import { describe, expect, it } from "vitest";
import { apiRequest, createTestApiKey, routeParams } from "@/testing/credentials";
import { DELETE, GET as getOne, PATCH } from "./[id]/route";
import { GET as list, POST } from "./route";

async function owner() {
  const org = await createTestOrg("Projects");
  return { org, token: (await createTestApiKey(org, "owner")).token };
}

async function create(token: string, body: unknown) {
  return POST(apiRequest("POST", "/api/v1/projects", { token, body }));
}

describe("projects API", () => {
  it("creates, reads, lists, changes and deletes a project", async () => {
    const { token } = await owner();
    const created = await create(token, { name: "  Support agent ", environment: "staging", description: "CRM tools" });
    expect(created.status).toBe(201);
    const project = (await created.json()) as { id: string; name: string; environment: string; retentionDays: number };
    expect(project).toMatchObject({ name: "Support agent", environment: "staging", retentionDays: 30 });
    expect(project.id).toMatch(/^prj_/);

    const read = await getOne(apiRequest("GET", `/api/v1/projects/${project.id}`, { token }), routeParams({ id: project.id }));
    expect(await read.json()).toMatchObject({ id: project.id });

    const changed = await PATCH(
      apiRequest("PATCH", `/api/v1/projects/${project.id}`, { token, body: { toolDomains: ["api.crm.example.com", "API.crm.example.com"], sinkhole: true } }),
      routeParams({ id: project.id }),
    );
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ toolDomains: ["api.crm.example.com"], sinkhole: true });
    // The sidecar learns of the change through the config version it polls.
    expect((await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).configVersion).toBe(2);

    expect((await DELETE(apiRequest("DELETE", `/api/v1/projects/${project.id}`, { token }), routeParams({ id: project.id }))).status).toBe(204);
    expect((await getOne(apiRequest("GET", `/api/v1/projects/${project.id}`, { token }), routeParams({ id: project.id }))).status).toBe(404);
  });

  it("pages through the list with a cursor, oldest first", async () => {
    const { token } = await owner();
    const names = ["one", "two", "three", "four", "five"];
    for (const name of names) expect((await create(token, { name, environment: "sandbox" })).status).toBe(201);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await list(apiRequest("GET", `/api/v1/projects?limit=2${cursor ? `&cursor=${cursor}` : ""}`, { token }));
      const page = (await res.json()) as { data: { name: string }[]; nextCursor: string | null };
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((p) => p.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(names);
  });

  it("rejects mass assignment of tenant, ids and internal fields", async () => {
    const { org, token } = await owner();
    const other = await createTestOrg("Victim");
    for (const extra of [{ orgId: other.orgId }, { id: newId("project") }, { configVersion: 99 }, { lastHeartbeatAt: new Date().toISOString() }]) {
      const res = await create(token, { name: "x", environment: "sandbox", ...extra });
      expect(res.status, JSON.stringify(extra)).toBe(422);
    }
    expect(await prisma.project.count({ where: { orgId: other.orgId } })).toBe(0);
    expect(await prisma.project.count({ where: { orgId: org.orgId } })).toBe(0);
  });

  it("refuses invalid input field by field", async () => {
    const { token } = await owner();
    const res = await create(token, { name: "", environment: "production" });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { details: { fields: { path: string }[] } } };
    expect(body.error.details.fields.map((f) => f.path).sort()).toEqual(["environment", "name"]);
  });

  it("deletes the project's runs, events, evidence, findings and sidecar tokens in one audited transaction", async () => {
    const { org, token } = await owner();
    const { id: projectId } = (await (await create(token, { name: "Doomed", environment: "sandbox" })).json()) as { id: string };
    const runId = newId("run");
    const ts = new Date();
    await ensureEventPartitions(prisma, { from: ts, days: 1 });
    await prisma.$transaction([
      prisma.run.create({ data: { id: runId, orgId: org.orgId, projectId, selection: {} } }),
      prisma.event.create({ data: { ts, orgId: org.orgId, projectId, runId, clientEventId: "evt-1", type: "egress", payload: {}, sizeBytes: 2 } }),
      prisma.evidenceItem.create({ data: { id: newId("evidence"), orgId: org.orgId, runId, seq: 1, kind: "MESSAGE", payload: {}, hash: "0".repeat(64) } }),
      prisma.finding.create({
        data: {
          id: newId("finding"), orgId: org.orgId, projectId, runId, fingerprint: "fp", scenarioKey: "s", scenarioVersion: 1,
          category: "secret_leakage", severity: "HIGH", confidence: 0.9, title: "t", summary: "s",
        },
      }),
      prisma.sidecarToken.create({ data: { id: newId("sidecarToken"), orgId: org.orgId, projectId, name: "t", prefix: `bws_${newId("sidecarToken").slice(4, 14)}`, hash: "h" } }),
    ]);

    const res = await DELETE(apiRequest("DELETE", `/api/v1/projects/${projectId}`, { token }), routeParams({ id: projectId }));
    expect(res.status).toBe(204);
    const remaining = await Promise.all([
      prisma.run.count({ where: { projectId } }),
      prisma.event.count({ where: { projectId } }),
      prisma.evidenceItem.count({ where: { runId } }),
      prisma.finding.count({ where: { projectId } }),
      prisma.sidecarToken.count({ where: { projectId } }),
    ]);
    expect(remaining).toEqual([0, 0, 0, 0, 0]);
    const audit = await prisma.auditLogEntry.findFirstOrThrow({ where: { orgId: org.orgId, action: "project.delete", targetId: projectId } });
    expect(audit.paramsPreview).toContain('"runs":1');
    expect(audit.paramsPreview).toContain('"findings":1');
  });
});
