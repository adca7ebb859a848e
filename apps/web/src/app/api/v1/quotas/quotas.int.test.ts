import { randomBytes } from "node:crypto";
import { SCOPES } from "@bulwark/contracts";
import { ensureEventPartitions, newId, prisma } from "@bulwark/db";
import { createTestOrg, type TestOrg } from "@bulwark/db/testing";
import { recordRunUsage } from "@bulwark/jobs";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as ingest } from "@/app/api/v1/ingest/events/route";
import { GET as getOrgQuotas, PUT as putOrgQuotas } from "@/app/api/v1/admin/organizations/[id]/quotas/route";
import { POST as estimate } from "@/app/api/v1/projects/[id]/runs/estimate/route";
import { POST as createRunRoute } from "@/app/api/v1/projects/[id]/runs/route";
import { GET as usage } from "@/app/api/v1/usage/route";
import type { ServiceContext } from "@/server/auth/principal";
import { createProject } from "@/server/services/projects/create-project";
import { effectiveLimits } from "@/server/services/quotas/effective-limits";
import { createRun } from "@/server/services/runs/create-run";
import { apiRequest, createSessionCookie, createTestApiKey, createTestSidecarToken, routeParams } from "@/testing/credentials";
import { GET as getQuotas } from "./route";

type Json = Record<string, any>;

let adminCookie: string;
beforeAll(async () => {
  await ensureEventPartitions(prisma, { from: new Date(Date.now() - 86_400_000), days: 3 });
  const id = newId("user");
  await prisma.user.create({ data: { id, email: `quota-admin.${id}@example.test`, isPlatformAdmin: true } });
  adminCookie = await createSessionCookie(id);
});

const ctxOf = (org: TestOrg): ServiceContext => ({
  orgId: org.orgId, actor: { type: "user", userId: org.users.owner.id }, role: "owner", scopes: SCOPES, isPlatformAdmin: false, requestId: "req_quota_test", ip: null, userAgent: null,
});

async function override(org: TestOrg, body: Record<string, number | null>) {
  const res = await putOrgQuotas(apiRequest("PUT", `/api/v1/admin/organizations/${org.orgId}/quotas`, { cookie: adminCookie, body }), routeParams({ id: org.orgId }));
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Json;
}

async function project(org: TestOrg) {
  return (await prisma.project.create({ data: { id: newId("project"), orgId: org.orgId, name: "p", environment: "SANDBOX", connector: { url: "https://agent.example.com/chat" } } })).id;
}

const RUN = { categories: ["secret_leakage" as const], intensity: "low" as const };

/** The quota_exceeded details a refused creation carries (fails the test when it is not refused). */
async function refusal(promise: Promise<unknown>) {
  const error = (await promise.then(() => expect.unreachable("admitted"), (e: unknown) => e)) as { code: string; details: Json; headers?: Json };
  expect(error.code).toBe("quota_exceeded");
  return error;
}

describe("run quotas", () => {
  it("runs per project per day: admits the limit, refuses the next with details, opens at the UTC day boundary", async () => {
    const org = await createTestOrg("Quota project day");
    await override(org, { runs_per_project_per_day: 2 });
    const [p1, p2] = [await project(org), await project(org)];
    const now = new Date("2031-05-10T23:59:58Z");
    await createRun(ctxOf(org), p1, RUN, { now });
    await createRun(ctxOf(org), p1, RUN, { now });
    const refused = await refusal(createRun(ctxOf(org), p1, RUN, { now }));
    expect(refused.details).toEqual({ quota: "runs_per_project_per_day", scope: "project", limit: 2, used: 2, resetAt: "2031-05-11T00:00:00.000Z" });
    expect(refused.headers?.["Retry-After"]).toBe("2");
    await createRun(ctxOf(org), p2, RUN, { now }); // another project has its own count
    await createRun(ctxOf(org), p1, RUN, { now: new Date("2031-05-11T00:00:00Z") });
    expect(await prisma.run.count({ where: { projectId: p1 } })).toBe(3);
  });

  it("runs per org per day and per month, across projects, reset at their boundaries; deleting a project hands nothing back", async () => {
    const org = await createTestOrg("Quota org day month");
    await override(org, { runs_per_org_per_day: 2, runs_per_org_per_month: 3 });
    const [p1, p2] = [await project(org), await project(org)];
    const mar30 = new Date("2031-03-30T10:00:00Z");
    const mar31 = new Date("2031-03-31T10:00:00Z");
    await createRun(ctxOf(org), p1, RUN, { now: mar30 });
    await createRun(ctxOf(org), p2, RUN, { now: mar30 });
    expect((await refusal(createRun(ctxOf(org), p1, RUN, { now: mar30 }))).details).toMatchObject({ quota: "runs_per_org_per_day", scope: "org", limit: 2, used: 2, resetAt: "2031-03-31T00:00:00.000Z" });
    await prisma.project.delete({ where: { id: p2 } });
    await createRun(ctxOf(org), p1, RUN, { now: mar31 });
    expect((await refusal(createRun(ctxOf(org), p1, RUN, { now: mar31 }))).details).toEqual({ quota: "runs_per_org_per_month", scope: "org", limit: 3, used: 3, resetAt: "2031-04-01T00:00:00.000Z" });
    await createRun(ctxOf(org), p1, RUN, { now: new Date("2031-04-01T00:00:00Z") });
  });

  it("concurrent runs: QUEUED and RUNNING count, a finished run frees its slot, no resetAt and no Retry-After (HTTP 429)", async () => {
    const org = await createTestOrg("Quota concurrency");
    await override(org, { concurrent_runs: 2 });
    const p = await project(org);
    const token = (await createTestApiKey(org, "owner")).token;
    const post = () => createRunRoute(apiRequest("POST", `/api/v1/projects/${p}/runs`, { token, body: RUN }), routeParams({ id: p }));
    const first = ((await (await post()).json()) as Json).id as string;
    expect((await post()).status).toBe(202);
    const res = await post();
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBeNull();
    expect(((await res.json()) as Json).error).toMatchObject({ code: "quota_exceeded", details: { quota: "concurrent_runs", scope: "org", limit: 2, used: 2, resetAt: null } });
    await prisma.run.update({ where: { id: first }, data: { status: "COMPLETED" } });
    expect((await post()).status).toBe(202);
  });

  it("50 concurrent creations against a limit of 10 admit exactly 10", async () => {
    const org = await createTestOrg("Quota race");
    await override(org, { runs_per_org_per_day: 10 });
    const p = await project(org);
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => createRun(ctxOf(org), p, RUN)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected.map((r) => (r.reason as { code: string }).code)).toEqual(Array(40).fill("quota_exceeded"));
    expect(await prisma.run.count({ where: { orgId: org.orgId } })).toBe(10);
    expect(await prisma.usageEvent.count({ where: { orgId: org.orgId, kind: "RUN" } })).toBe(10);
  });

  it("cost per run and per day: an in-flight run reserves its cost cap", async () => {
    const org = await createTestOrg("Quota cost");
    const p = await project(org);
    await override(org, { cost_micros_per_run: 1 });
    expect((await refusal(createRun(ctxOf(org), p, RUN))).details).toMatchObject({ quota: "cost_micros_per_run", scope: "run", limit: 1, resetAt: null });
    await override(org, { cost_micros_per_run: 5_000_000, cost_micros_per_day: 10_000_000 });
    const now = new Date("2031-07-01T12:00:00Z");
    const a = await createRun(ctxOf(org), p, RUN, { now });
    await createRun(ctxOf(org), p, RUN, { now });
    expect((await refusal(createRun(ctxOf(org), p, RUN, { now }))).details).toEqual({ quota: "cost_micros_per_day", scope: "org", limit: 10_000_000, used: 10_000_000, resetAt: "2031-07-02T00:00:00.000Z" });
    // It ends having spent 3 agent calls: the reservation becomes that actual cost.
    await prisma.run.update({ where: { id: a.id }, data: { status: "COMPLETED", turnsDone: 3, agentCalls: 3 } });
    await recordRunUsage(prisma, a.id, now);
    const used = 5_000_000 + 3 * 2_000;
    expect((await refusal(createRun(ctxOf(org), p, RUN, { now }))).details).toMatchObject({ quota: "cost_micros_per_day", used });
    await createRun(ctxOf(org), p, { ...RUN, budget: { maxCostUsd: (10_000_000 - used) / 1_000_000 } }, { now });
    await refusal(createRun(ctxOf(org), p, { ...RUN, budget: { maxCostUsd: 0.000001 } }, { now }));
    await createRun(ctxOf(org), p, RUN, { now: new Date("2031-07-02T00:00:00Z") });
  });

  it("snapshots the per-run caps: the lower of the tier's limit and the budget", async () => {
    const org = await createTestOrg("Quota caps", { tier: "FREE" });
    const p = await project(org);
    const run = await createRun(ctxOf(org), p, { ...RUN, budget: { maxTurns: 5, maxCostUsd: 100 } });
    const stored = await prisma.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(stored).toMatchObject({ maxTurns: 5, maxAgentCalls: 600, maxJudgeTokens: 200_000n, maxCostMicros: 2_000_000n, maxRuntimeSeconds: 1800, maxEvents: 10_000 });
  });
});

describe("limits resolution and administration", () => {
  it("org override beats the tier row beats the default; null clears an override; changes are audited", async () => {
    const org = await createTestOrg("Quota layers", { tier: "ALPHA" });
    const tierRow = await prisma.quotaPolicy.upsert({ where: { tier: "ALPHA" }, create: { id: newId("quota"), tier: "ALPHA", runsPerOrgPerDay: 77 }, update: { runsPerOrgPerDay: 77 } });
    try {
      let resolved = await effectiveLimits(org.orgId);
      expect([resolved.limits.runs_per_org_per_day, resolved.sources.runs_per_org_per_day]).toEqual([77, "tier"]);
      expect([resolved.limits.projects_per_org, resolved.sources.projects_per_org]).toEqual([10, "default"]);
      const set = await override(org, { runs_per_org_per_day: 5, stored_bytes: 123 });
      expect(set).toMatchObject({ tier: "alpha", effective: { runs_per_org_per_day: 5, stored_bytes: 123 }, sources: { runs_per_org_per_day: "override" } });
      await override(org, { runs_per_org_per_day: null });
      resolved = await effectiveLimits(org.orgId);
      expect([resolved.limits.runs_per_org_per_day, resolved.limits.stored_bytes]).toEqual([77, 123]);
      const got = (await (await getOrgQuotas(apiRequest("GET", `/api/v1/admin/organizations/${org.orgId}/quotas`, { cookie: adminCookie }), routeParams({ id: org.orgId }))).json()) as Json;
      expect(got.overrides).toMatchObject({ runs_per_org_per_day: null, stored_bytes: 123 });
      const audit = await prisma.auditLogEntry.findMany({ where: { orgId: org.orgId, action: "org.quotas_update" } });
      expect(audit).toHaveLength(2);
    } finally {
      await prisma.quotaPolicy.delete({ where: { id: tierRow.id } });
    }
  });

  it("projects per org: admits the limit, refuses the next (no reset)", async () => {
    const org = await createTestOrg("Quota projects");
    await override(org, { projects_per_org: 2 });
    await createProject(ctxOf(org), { name: "a", environment: "sandbox" });
    await createProject(ctxOf(org), { name: "b", environment: "sandbox" });
    expect((await refusal(createProject(ctxOf(org), { name: "c", environment: "sandbox" }))).details).toEqual({ quota: "projects_per_org", scope: "org", limit: 2, used: 2, resetAt: null });
  });
});

describe("storage", () => {
  const event = (n: number) => ({ id: `q-${randomBytes(6).toString("hex")}-${n}`, type: "sidecar.dropped", ts: new Date().toISOString(), data: { count: n + 10 } });
  const send = (token: string, events: unknown[]) => ingest(apiRequest("POST", "/api/v1/ingest/events", { token, body: { events } }));

  it("rejects ingest items past stored_bytes with per-item quota_exceeded, even under concurrent batches, and records exactly what was stored", async () => {
    const org = await createTestOrg("Quota storage");
    const { token, projectId } = await createTestSidecarToken(org);
    const probe = (await (await send(token, [event(0)])).json()) as Json;
    expect(probe.stored).toBe(1);
    const one = Number((await prisma.event.aggregate({ where: { projectId }, _sum: { sizeBytes: true } }))._sum.sizeBytes);
    await override(org, { stored_bytes: one * 12 });

    const batches = await Promise.all(Array.from({ length: 5 }, (_, b) => send(token, Array.from({ length: 5 }, (_, i) => event(b * 10 + i + 1)))));
    const bodies = (await Promise.all(batches.map((r) => r.json()))) as Json[];
    const stored = bodies.reduce((n, b) => n + b.stored, 0);
    const rejections = bodies.flatMap((b) => b.results.filter((r: Json) => r.status === "rejected"));
    const bytes = Number((await prisma.event.aggregate({ where: { orgId: org.orgId }, _sum: { sizeBytes: true } }))._sum.sizeBytes);
    expect(bytes).toBeLessThanOrEqual(one * 12);
    expect(stored).toBeGreaterThanOrEqual(10); // sizes differ by a digit at most
    expect(rejections.length).toBe(25 - stored);
    expect(new Set(rejections.map((r: Json) => r.error.code))).toEqual(new Set(["quota_exceeded"]));
    expect(batches.some((r) => r.status === 207)).toBe(true);

    const ledger = await prisma.usageDailyRollup.aggregate({ where: { orgId: org.orgId }, _sum: { storedBytes: true, events: true } });
    expect(Number(ledger._sum.storedBytes)).toBe(bytes);
    expect(Number(ledger._sum.events)).toBe(stored + 1);
    // Freed space (retention records it negative) opens the quota again.
    await prisma.$executeRaw`INSERT INTO usage_daily_rollups (id, org_id, project_id, day, stored_bytes) VALUES (${newId("usage")}, ${org.orgId}, NULL, CURRENT_DATE, ${-bytes})`;
    expect(((await (await send(token, [event(99)])).json()) as Json).stored).toBe(1);
  });
});

describe("usage and estimates", () => {
  it("groups usage history by day and by project, and GET /quotas reports use and resets", async () => {
    const org = await createTestOrg("Quota usage");
    const [p1, p2] = [await project(org), await project(org)];
    await createRun(ctxOf(org), p1, RUN, { now: new Date("2031-02-01T08:00:00Z") });
    await createRun(ctxOf(org), p1, RUN, { now: new Date("2031-02-02T08:00:00Z") });
    const last = await createRun(ctxOf(org), p2, RUN, { now: new Date("2031-02-02T09:00:00Z") });
    await prisma.run.update({ where: { id: last.id }, data: { status: "COMPLETED", turnsDone: 4, agentCalls: 5, judgeTokens: 100n } });
    await recordRunUsage(prisma, last.id, new Date("2031-02-02T10:00:00Z"));
    await recordRunUsage(prisma, last.id, new Date("2031-02-02T10:00:00Z")); // once only
    const token = (await createTestApiKey(org, "viewer")).token;
    const byDay = (await (await usage(apiRequest("GET", "/api/v1/usage?from=2031-02-01&to=2031-02-02&groupBy=day", { token }))).json()) as Json;
    expect(byDay.rows.map((r: Json) => [r.day, r.runs, r.turns, r.agentCalls])).toEqual([["2031-02-01", 1, 0, 0], ["2031-02-02", 2, 4, 5]]);
    expect(byDay.totals).toMatchObject({ runs: 3, turns: 4, agentCalls: 5, judgeTokens: 100, costMicros: 5 * 2_000 + 100 });
    const byProject = (await (await usage(apiRequest("GET", "/api/v1/usage?from=2031-02-01&to=2031-02-02&groupBy=project", { token }))).json()) as Json;
    expect(Object.fromEntries(byProject.rows.map((r: Json) => [r.projectId, r.runs]))).toEqual({ [p1]: 2, [p2]: 1 });
    expect((await usage(apiRequest("GET", "/api/v1/usage?from=2031-02-03&to=2031-02-01", { token }))).status).toBe(422);

    const quotas = (await (await getQuotas(apiRequest("GET", "/api/v1/quotas", { token }))).json()) as Json;
    expect(quotas.tier).toBe("enterprise");
    expect(quotas.quotas.find((q: Json) => q.quota === "concurrent_runs")).toMatchObject({ limit: 50, used: 2, percent: 4, resetAt: null });
  });

  it("the estimate matches the run's plan and caps, and what it records at the end", async () => {
    const org = await createTestOrg("Quota estimate", { tier: "FREE" });
    const p = await project(org);
    const token = (await createTestApiKey(org, "owner")).token;
    const ask = async (body: unknown) => (await (await estimate(apiRequest("POST", `/api/v1/projects/${p}/runs/estimate`, { token, body }), routeParams({ id: p }))).json()) as Json;
    const est = await ask(RUN);
    const run = await createRun(ctxOf(org), p, RUN);
    expect(est.turns).toBe(run.progress.total);
    expect(est.agentCalls).toBe(run.progress.total);
    expect(est.costMicros).toBe(est.agentCalls * 2_000 + est.judgeTokens);
    expect(est.durationSeconds).toBeGreaterThan(0);
    const capped = await ask({ ...RUN, budget: { maxTurns: 3 } });
    expect([capped.turns, capped.agentCalls]).toEqual([3, 3]);
    // FREE allows one run at a time: the estimate says so before a creation would fail.
    expect(capped.fits).toBe(false);
    expect(capped.quotas.find((q: Json) => q.quota === "concurrent_runs")).toEqual({ quota: "concurrent_runs", limit: 1, used: 1, wouldUse: 1, fits: false, blocking: true });

    // The worker's counters for a run that sent its whole plan: the ledger records the estimate's turns and calls.
    await prisma.run.update({ where: { id: run.id }, data: { status: "COMPLETED", turnsDone: run.progress.total, agentCalls: run.progress.total } });
    await recordRunUsage(prisma, run.id);
    const recorded = await prisma.usageEvent.findMany({ where: { runId: run.id, kind: { in: ["TURN", "AGENT_CALL"] } } });
    expect(recorded.map((e) => Number(e.quantity))).toEqual([est.turns, est.agentCalls]);

    expect((await ask(RUN)).fits).toBe(true);
  });
});
