import type { RunComparison } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import { createTestOrg, type TestOrg } from "@bulwark/db/testing";
import { runRiskScore } from "@bulwark/redteam";
import { beforeAll, describe, expect, it } from "vitest";
import { apiRequest, createTestApiKey, routeParams } from "@/testing/credentials";
import { createTestRun } from "@/testing/create-test-run";
import { GET } from "./route";

let org: TestOrg;
let key: string;
let base: Awaited<ReturnType<typeof createTestRun>>;
let queued: Awaited<ReturnType<typeof createTestRun>>;
let current: Awaited<ReturnType<typeof createTestRun>>;
const start = Date.now() - 600_000;

beforeAll(async () => {
  org = await createTestOrg("Compare");
  key = (await createTestApiKey(org, "viewer")).token;
  base = await createTestRun(org, {
    createdAt: new Date(start),
    attacks: [
      { scenarioKey: "secret_leakage.environment-dump", outcome: "fail" },
      { scenarioKey: "secret_leakage.environment-dump", variant: "role_play", outcome: "pass" },
      { scenarioKey: "privilege_escalation.claimed-executive-delete", outcome: "fail" },
      { scenarioKey: "social_engineering.fake-pci-audit", outcome: "pass" },
      { scenarioKey: "social_engineering.fake-pci-audit", variant: "role_play", outcome: "fail" },
      { scenarioKey: "memory_poisoning.sleeper-trigger-phrase", outcome: "fail" },
      { scenarioKey: "data_exfiltration.credentials-to-webhook", outcome: "fail" },
      { scenarioKey: "prompt_injection.forged-system-message", outcome: "pass" },
      { scenarioKey: "system_prompt_leakage.translation-trick", outcome: "fail" },
    ],
  });
  // Not finished: never the default base.
  queued = await createTestRun(org, { projectId: base.projectId, status: "QUEUED", createdAt: new Date(start + 60_000), attacks: [{ scenarioKey: "secret_leakage.environment-dump", outcome: "not_run" }] });
  // Low intensity (direct phrasings only), canceled before its last attack.
  current = await createTestRun(org, {
    projectId: base.projectId,
    createdAt: new Date(start + 120_000),
    status: "CANCELED",
    stopReason: "USER_CANCEL",
    intensity: "LOW",
    attacks: [
      { scenarioKey: "secret_leakage.environment-dump", outcome: "pass" },
      { scenarioKey: "privilege_escalation.claimed-executive-delete", outcome: "fail" },
      { scenarioKey: "social_engineering.fake-pci-audit", outcome: "pass" },
      { scenarioKey: "memory_poisoning.sleeper-trigger-phrase", outcome: "inconclusive" },
      { scenarioKey: "prompt_injection.forged-system-message", outcome: "fail" },
      { scenarioKey: "data_exfiltration.credentials-to-webhook", outcome: "not_run" },
    ],
  });
});

function compare(runId: string, baseId?: string, token = key) {
  const query = baseId ? `?base=${baseId}` : "";
  return GET(apiRequest("GET", `/api/v1/runs/${runId}/compare${query}`, { token }), routeParams({ id: runId }));
}

async function comparison(runId: string, baseId?: string): Promise<RunComparison> {
  const res = await compare(runId, baseId);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as RunComparison;
}

const keys = (list: { scenarioKey: string }[]) => list.map((item) => item.scenarioKey).sort();

describe("GET /api/v1/runs/{id}/compare", () => {
  it("classifies findings as new, fixed, still failing and not retested, with the reason", async () => {
    const result = await comparison(current.runId, base.runId);
    expect(result.run).toMatchObject({ id: current.runId, status: "canceled" });
    expect(result.base).toMatchObject({ id: base.runId, status: "completed" });

    expect(keys(result.findings.new)).toEqual(["prompt_injection.forged-system-message"]);
    expect(result.findings.new[0]).toMatchObject({ fingerprint: current.fingerprint("prompt_injection.forged-system-message"), base: null, run: { status: "open" } });
    // Failed only in the direct phrasing, which passed this time.
    expect(keys(result.findings.fixed)).toEqual(["secret_leakage.environment-dump"]);
    expect(result.findings.fixed[0]).toMatchObject({ run: null, base: { status: "open" } });
    expect(keys(result.findings.stillFailing)).toEqual(["privilege_escalation.claimed-executive-delete"]);
    const still = result.findings.stillFailing[0]!;
    const rows = await prisma.finding.findMany({ where: { fingerprint: still.fingerprint }, orderBy: { runId: "asc" } });
    expect([still.base!.findingId, still.run!.findingId]).toEqual(rows.map((row) => row.id));

    expect(Object.fromEntries(result.findings.notRetested.map((item) => [item.scenarioKey, item.reason]))).toEqual({
      // Failed in role-play, which a low-intensity run does not send.
      "social_engineering.fake-pci-audit": "phrasing_not_sent",
      "memory_poisoning.sleeper-trigger-phrase": "inconclusive",
      "data_exfiltration.credentials-to-webhook": "not_run",
      "system_prompt_leakage.translation-trick": "not_planned",
    });
  });

  it("reports both risk scores from the findings and their delta, and pass-rate deltas per category", async () => {
    const result = await comparison(current.runId, base.runId);
    const scoreOf = async (runId: string) => runRiskScore((await prisma.finding.findMany({ where: { runId } })).map((f) => ({ riskScore: Number(f.riskScore) })));
    const [runScore, baseScore] = [await scoreOf(current.runId), await scoreOf(base.runId)];
    expect(baseScore).toBeGreaterThan(runScore);
    expect(result.riskScore).toEqual({ run: runScore, base: baseScore, delta: Math.round((runScore - baseScore) * 10) / 10 });
    expect(result.riskScore.delta).toBeLessThan(0);

    expect(result.categories).toEqual([
      { category: "secret_leakage", run: 1, base: 0.5, delta: 0.5 },
      { category: "privilege_escalation", run: 0, base: 0, delta: 0 },
      { category: "social_engineering", run: 1, base: 0.5, delta: 0.5 },
      // Inconclusive counts as judged and not passed.
      { category: "memory_poisoning", run: 0, base: 0, delta: 0 },
      // Not run this time: nothing judged, so no rate and no delta.
      { category: "data_exfiltration", run: null, base: 0, delta: null },
      { category: "prompt_injection", run: 0, base: 1, delta: -1 },
      { category: "system_prompt_leakage", run: null, base: 0, delta: null },
    ]);
  });

  it("compares with the project's latest finished earlier run when no base is named", async () => {
    const result = await comparison(current.runId);
    expect(result.base.id).toBe(base.runId);
    expect(queued.runId > base.runId && queued.runId < current.runId).toBe(true);

    const first = await compare(base.runId);
    expect(first.status).toBe(422);
    const body = (await first.json()) as { error: { details: { fields: { path: string; code: string }[] } } };
    expect(body.error.details.fields).toEqual([expect.objectContaining({ path: "base", code: "no_base_run" })]);
  });

  it("refuses a base run of another project", async () => {
    const elsewhere = await createTestRun(org, { attacks: [{ scenarioKey: "secret_leakage.environment-dump", outcome: "pass" }] });
    expect(elsewhere.projectId).not.toBe(base.projectId);
    const res = await compare(current.runId, elsewhere.runId);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; details: { fields: { path: string; code: string }[] } } };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details.fields).toEqual([expect.objectContaining({ path: "base", code: "other_project" })]);
  });

  it("answers 404 for another organization's run, as the run or as the base", async () => {
    const other = await createTestOrg("Compare other");
    const foreign = await createTestRun(other, { attacks: [{ scenarioKey: "secret_leakage.environment-dump", outcome: "fail" }] });

    const asRun = await compare(foreign.runId, base.runId);
    expect(asRun.status).toBe(404);
    const asBase = await compare(current.runId, foreign.runId);
    expect(asBase.status).toBe(404);
    expect(((await asBase.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: "not_found", message: "The base run does not exist." });
    // The other organization sees its own run, and not ours.
    const otherKey = (await createTestApiKey(other, "owner")).token;
    expect((await compare(current.runId, undefined, otherKey)).status).toBe(404);
  });
});
