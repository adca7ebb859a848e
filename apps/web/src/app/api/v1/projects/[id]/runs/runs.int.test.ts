import { newId, prisma } from "@bulwark/db";
import { createTestOrg, type TestOrg } from "@bulwark/db/testing";
import { builtInScenarios } from "@bulwark/redteam";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as cancel } from "@/app/api/v1/runs/[id]/cancel/route";
import { GET as getRun } from "@/app/api/v1/runs/[id]/route";
import { apiRequest, createTestApiKey, routeParams } from "@/testing/credentials";
import { GET as list, POST as create } from "./route";

let org: TestOrg;
let owner: string;

beforeAll(async () => {
  org = await createTestOrg("Runs API");
  owner = (await createTestApiKey(org, "owner")).token;
});

async function project(environment: "SANDBOX" | "PROD" = "SANDBOX", connector: object = { url: "https://agent.example.com/chat" }) {
  return (await prisma.project.create({ data: { id: newId("project"), orgId: org.orgId, name: "p", environment, connector } })).id;
}

const post = (projectId: string, body: unknown, token = owner) =>
  create(apiRequest("POST", `/api/v1/projects/${projectId}/runs`, { token, body }), routeParams({ id: projectId }));

type Json = Record<string, any>;

describe("POST /api/v1/projects/{id}/runs", () => {
  it("queues a run whose plan is fixed at creation: one attack per scenario and phrasing of the intensity", async () => {
    const projectId = await project();
    const res = await post(projectId, { categories: ["memory_poisoning"], intensity: "medium" });
    expect(res.status).toBe(202);
    const body = (await res.json()) as Json;
    const scenarios = builtInScenarios().filter((s) => s.category === "memory_poisoning");
    expect(body).toMatchObject({ status: "queued", intensity: "medium", selection: { categories: ["memory_poisoning"] } });
    expect(body.progress.total).toBe(2 * scenarios.reduce((n, s) => n + s.turns.length, 0));
    const stored = await prisma.run.findUniqueOrThrow({ where: { id: body.id } });
    const plan = stored.plan as { attacks: { scenarioKey: string; variant: string }[]; targets: Json };
    expect(plan.attacks).toHaveLength(scenarios.length * 2);
    expect(new Set(plan.attacks.map((a) => a.variant))).toEqual(new Set(["direct", "role_play"]));
    expect(plan.targets).toMatchObject({ exfilUrl: expect.stringContaining("attacker.example"), adminUrl: "http://admin.internal" });
  });

  it("refuses a prod project without an explicit override, and records the override in the audit log", async () => {
    const projectId = await project("PROD");
    const refused = await post(projectId, { scenarioKeys: [builtInScenarios()[0]!.key] });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as Json).error.details.reason).toBe("prod_override_required");
    expect(await prisma.run.count({ where: { projectId } })).toBe(0);

    const weak = await post(projectId, { scenarioKeys: [builtInScenarios()[0]!.key], prodOverride: { confirm: true, reason: "short" } });
    expect(weak.status).toBe(422);

    const res = await post(projectId, { scenarioKeys: [builtInScenarios()[0]!.key], prodOverride: { confirm: true, reason: "Pre-release check approved by the CISO" } });
    expect(res.status).toBe(202);
    const runId = ((await res.json()) as Json).id as string;
    expect((await prisma.run.findUniqueOrThrow({ where: { id: runId } })).prodOverrideConfirmedAt).not.toBeNull();
    const audit = await prisma.auditLogEntry.findFirst({ where: { orgId: org.orgId, targetId: runId } });
    expect(audit?.action).toBe("run.create.prod_override");
  });

  it("names unknown scenario keys (422) and needs a configured connector (409)", async () => {
    const unknown = await post(await project(), { scenarioKeys: ["secret_leakage.does-not-exist"] });
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as Json).error.details.keys).toEqual(["secret_leakage.does-not-exist"]);

    const bare = await post(await project("SANDBOX", {}), { categories: ["secret_leakage"] });
    expect(bare.status).toBe(409);
    expect(((await bare.json()) as Json).error.details.reason).toBe("connector_not_configured");
  });

  it("lists a project's runs newest first, and another organization's project or run is 404", async () => {
    const projectId = await project();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(((await (await post(projectId, { categories: ["secret_leakage"], intensity: "low" })).json()) as Json).id);
    const page = (await (await list(apiRequest("GET", `/api/v1/projects/${projectId}/runs?limit=2`, { token: owner }), routeParams({ id: projectId }))).json()) as Json;
    expect(page.data.map((r: Json) => r.id)).toEqual([ids[2], ids[1]]);

    const other = await createTestOrg("Runs API other");
    const stranger = (await createTestApiKey(other, "owner")).token;
    expect((await post(projectId, { categories: ["secret_leakage"] }, stranger)).status).toBe(404);
    expect((await getRun(apiRequest("GET", `/api/v1/runs/${ids[0]}`, { token: stranger }), routeParams({ id: ids[0]! }))).status).toBe(404);
    expect((await cancel(apiRequest("POST", `/api/v1/runs/${ids[0]}/cancel`, { token: stranger }), routeParams({ id: ids[0]! }))).status).toBe(404);
  });
});

describe("POST /api/v1/runs/{id}/cancel", () => {
  it("cancels a queued run at once, logs the abort, and is idempotent", async () => {
    const projectId = await project();
    const runId = ((await (await post(projectId, { categories: ["secret_leakage"], intensity: "low" })).json()) as Json).id as string;
    const call = () => cancel(apiRequest("POST", `/api/v1/runs/${runId}/cancel`, { token: owner }), routeParams({ id: runId }));
    const first = await call();
    expect(first.status).toBe(202);
    expect((await first.json()) as Json).toMatchObject({ status: "canceled", stopReason: "user_cancel" });
    expect(await prisma.runAbort.count({ where: { runId, reason: "USER_CANCEL" } })).toBe(1);
    expect(((await (await call()).json()) as Json).status).toBe("canceled");
    expect(await prisma.runAbort.count({ where: { runId } })).toBe(1);
  });

  it("asks a running run to stop without finalising it itself (its worker does, keeping what it did)", async () => {
    const projectId = await project();
    const run = await prisma.run.create({ data: { id: newId("run"), orgId: org.orgId, projectId, selection: {}, status: "RUNNING", startedAt: new Date() } });
    const res = await cancel(apiRequest("POST", `/api/v1/runs/${run.id}/cancel`, { token: owner }), routeParams({ id: run.id }));
    expect(res.status).toBe(202);
    const stored = await prisma.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(stored).toMatchObject({ status: "RUNNING", stopReason: "USER_CANCEL" });
    expect(stored.stopRequestedAt).not.toBeNull();
  });

  it("leaves a finished run as it was", async () => {
    const projectId = await project();
    const run = await prisma.run.create({ data: { id: newId("run"), orgId: org.orgId, projectId, selection: {}, status: "COMPLETED", finishedAt: new Date() } });
    const res = await cancel(apiRequest("POST", `/api/v1/runs/${run.id}/cancel`, { token: owner }), routeParams({ id: run.id }));
    expect(((await res.json()) as Json).status).toBe("completed");
    expect(await prisma.runAbort.count({ where: { runId: run.id } })).toBe(0);
  });
});
