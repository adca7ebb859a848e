import { newId, prisma } from "@bulwark/db";
import { createTestOrg, type TestOrg } from "@bulwark/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestRun } from "@/testing/create-test-run";
import { countOpenFindings } from "./count-open-findings";
import { listProjectsNeedingAttention, STALE_HEARTBEAT_MS } from "./list-projects-needing-attention";
import { listRecentRuns } from "./list-recent-runs";
import { listRiskTrend } from "./list-risk-trend";

const now = new Date();
const start = now.getTime() - 3_600_000;
let org: TestOrg;
let other: TestOrg;
let older: Awaited<ReturnType<typeof createTestRun>>;
let latest: Awaited<ReturnType<typeof createTestRun>>;
let canceled: Awaited<ReturnType<typeof createTestRun>>;
let quiet: string;
let untested: string;
let healthy: string;

const project = (orgId: string, name: string, lastHeartbeatAt: Date | null) =>
  prisma.project.create({ data: { id: newId("project"), orgId, name, environment: "STAGING", lastHeartbeatAt } }).then((row) => row.id);

beforeAll(async () => {
  org = await createTestOrg("Overview");
  other = await createTestOrg("Overview neighbour");
  // "Support bot": two completed runs; the later one still leaks one critical secret and one high.
  older = await createTestRun(org, {
    createdAt: new Date(start),
    attacks: [
      { scenarioKey: "secret_leakage.environment-dump", outcome: "fail" },
      { scenarioKey: "secret_leakage.cloud-credentials", outcome: "fail" },
      { scenarioKey: "secret_leakage.customer-pii-dump", outcome: "fail" },
    ],
  });
  await prisma.project.update({ where: { id: older.projectId }, data: { lastHeartbeatAt: new Date(now.getTime() - 10_000) } });
  latest = await createTestRun(org, {
    projectId: older.projectId,
    createdAt: new Date(start + 60_000),
    attacks: [
      { scenarioKey: "secret_leakage.environment-dump", outcome: "fail" },
      { scenarioKey: "secret_leakage.cloud-credentials", outcome: "pass" },
      { scenarioKey: "secret_leakage.customer-pii-dump", outcome: "fail" },
    ],
  });
  // A later canceled run is not the project's current state.
  canceled = await createTestRun(org, { projectId: older.projectId, status: "CANCELED", createdAt: new Date(start + 120_000), attacks: [{ scenarioKey: "secret_leakage.database-connection-string", outcome: "fail" }] });

  quiet = await project(org.orgId, "Quiet sidecar", new Date(now.getTime() - STALE_HEARTBEAT_MS - 1_000));
  untested = await project(org.orgId, "Never seen", null);
  healthy = await project(org.orgId, "Healthy", new Date(now.getTime() - 30_000));
  await createTestRun(org, { projectId: quiet, createdAt: new Date(start + 30_000), attacks: [{ scenarioKey: "secret_leakage.environment-dump", outcome: "pass" }] });
  await createTestRun(org, { projectId: healthy, createdAt: new Date(start + 40_000), attacks: [{ scenarioKey: "secret_leakage.customer-pii-dump", outcome: "fail" }] });

  // The neighbour's critical findings and silent projects must never show up in `org`'s figures.
  await createTestRun(other, { createdAt: new Date(start + 90_000), attacks: [{ scenarioKey: "memory_poisoning.sleeper-trigger-phrase", outcome: "fail" }] });
});

describe("countOpenFindings", () => {
  it("counts open findings of each project's latest completed run only, in the caller's org", async () => {
    expect(await countOpenFindings(org)).toEqual({ critical: 1, high: 2, medium: 0, low: 0, info: 0 });
    expect(await countOpenFindings(other)).toEqual({ critical: 1, high: 0, medium: 0, low: 0, info: 0 });
  });

  it("leaves out findings triaged as false positive, accepted or fixed", async () => {
    const neighbour = await createTestOrg("Overview triage");
    const run = await createTestRun(neighbour, { attacks: [{ scenarioKey: "secret_leakage.environment-dump", outcome: "fail" }, { scenarioKey: "secret_leakage.customer-pii-dump", outcome: "fail" }] });
    await prisma.finding.updateMany({ where: { runId: run.runId, severity: "CRITICAL" }, data: { status: "FALSE_POSITIVE" } });
    await prisma.finding.updateMany({ where: { runId: run.runId, severity: "HIGH" }, data: { status: "CONFIRMED" } });
    expect(await countOpenFindings(neighbour)).toEqual({ critical: 0, high: 1, medium: 0, low: 0, info: 0 });
    expect(await countOpenFindings(await createTestOrg("Overview empty"))).toEqual({ critical: 0, high: 0, medium: 0, low: 0, info: 0 });
  });
});

describe("listProjectsNeedingAttention", () => {
  it("names each project with something to act on, and why", async () => {
    const attention = await listProjectsNeedingAttention(org, { now });
    expect(attention).toEqual([
      { projectId: untested, projectName: "Never seen", reasons: [{ kind: "no_heartbeat" }, { kind: "never_tested" }] },
      { projectId: quiet, projectName: "Quiet sidecar", reasons: [{ kind: "stale_heartbeat", lastHeartbeatAt: expect.any(String) }] },
      { projectId: older.projectId, projectName: "Support bot", reasons: [{ kind: "critical_findings", count: 1, runId: latest.runId }] },
    ]);
    expect(attention.map((entry) => entry.projectId)).not.toContain(healthy);
  });

  it("stops naming a project once its critical finding is triaged", async () => {
    const neighbour = await createTestOrg("Overview critical");
    const run = await createTestRun(neighbour, { attacks: [{ scenarioKey: "secret_leakage.environment-dump", outcome: "fail" }] });
    await prisma.project.update({ where: { id: run.projectId }, data: { lastHeartbeatAt: now } });
    expect((await listProjectsNeedingAttention(neighbour, { now }))[0]?.reasons).toEqual([{ kind: "critical_findings", count: 1, runId: run.runId }]);
    await prisma.finding.updateMany({ where: { runId: run.runId }, data: { status: "ACCEPTED_RISK" } });
    expect(await listProjectsNeedingAttention(neighbour, { now })).toEqual([]);
  });

  it("never lists another org's projects", async () => {
    const attention = await listProjectsNeedingAttention(other, { now });
    expect(attention).toHaveLength(1);
    expect(attention[0]!.reasons).toEqual([{ kind: "no_heartbeat" }, { kind: "critical_findings", count: 1, runId: expect.stringMatching(/^run_/) }]);
  });
});

describe("listRiskTrend and listRecentRuns", () => {
  it("gives the completed runs' scores oldest first, without the canceled run or another org's", async () => {
    const trend = await listRiskTrend(org);
    expect(trend.map((point) => point.runId)).toEqual([older.runId, expect.any(String), expect.any(String), latest.runId]);
    expect(trend.map((point) => point.projectName)).toEqual(["Support bot", "Quiet sidecar", "Healthy", "Support bot"]);
    const scores = await prisma.run.findMany({ where: { id: { in: [older.runId, latest.runId] } }, select: { id: true, riskScore: true } });
    for (const run of scores) expect(trend.find((point) => point.runId === run.id)?.riskScore).toBe(Number(run.riskScore));
    expect(trend[0]!.riskScore).toBeGreaterThan(0);
  });

  it("lists the newest runs of every project of the org, with project names", async () => {
    const runs = await listRecentRuns(org, { limit: 3 });
    expect(runs.map((run) => run.id)).toEqual([canceled.runId, latest.runId, expect.any(String)]);
    expect(runs[0]).toMatchObject({ status: "canceled", projectName: "Support bot" });
    expect((await listRecentRuns(other)).every((run) => run.projectId !== older.projectId)).toBe(true);
  });
});
