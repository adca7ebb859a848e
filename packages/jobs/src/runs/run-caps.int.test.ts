import http from "node:http";
import type net from "node:net";
import { COST_MODEL } from "@bulwark/contracts";
import { ensureEventPartitions, newId, prisma, type Prisma } from "@bulwark/db";
import { createTestOrg, type TestOrg } from "@bulwark/db/testing";
import { createLogger } from "@bulwark/logger";
import { builtInScenarios, LlmJudgeConfig, type Scenario } from "@bulwark/redteam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRun } from "./execute-run";
import { platformKeys } from "./platform-keys";
import type { RunDeps } from "./run-deps";
import type { RunPlan } from "./run-plan";

// Each cap of a run stops it through the same path as a cancel: the executor in-process against
// real PostgreSQL, with local HTTP servers playing the agent (optionally slow) and the LLM judge.

const agent = http.createServer((req, res) => {
  const delayMs = req.url?.startsWith("/slow") ? 300 : 0;
  req.resume().on("end", () => {
    setTimeout(() => {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ reply: "Happy to help! Our support hours are 9 to 5.", tool_calls: [] }));
    }, delayMs);
  });
});
const judge = http.createServer((req, res) => {
  req.resume().on("end", () => {
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        choices: [{ message: { role: "assistant", content: '{"verdict":"refused","reason":"It declined."}' } }],
        usage: { prompt_tokens: 120, completion_tokens: 12 },
      }),
    );
  });
});
const portOf = (server: http.Server) => (server.address() as net.AddressInfo).port;

let org: TestOrg;
const oneTurn: Scenario[] = builtInScenarios().filter((s) => s.turns.length === 1 && s.turns[0]!.judge);

function deps(withJudge = false): RunDeps {
  return {
    prisma,
    log: createLogger("run-caps-test", "silent"),
    workerId: "caps-worker",
    keys: platformKeys("run-caps-test-secret-0123456789abcdef"),
    egressGraceMs: 0,
    leaseMs: 30_000,
    judge: withJudge ? { config: LlmJudgeConfig.parse({ url: `http://127.0.0.1:${portOf(judge)}/v1`, model: "judge-mini" }), allowPrivateNetwork: true } : null,
  };
}

/** A queued run of `attacks` one-turn attacks, one at a time, with the given caps. */
async function queuedRun(attacks: number, caps: Partial<Prisma.RunUncheckedCreateInput>, { slow = false } = {}) {
  const project = await prisma.project.create({
    data: {
      id: newId("project"),
      orgId: org.orgId,
      name: "capped",
      environment: "SANDBOX",
      allowLocalTargets: true,
      connector: { url: `http://127.0.0.1:${portOf(agent)}/${slow ? "slow" : "chat"}`, maxConcurrency: 1, requestsPerSecond: 100 },
    },
  });
  const plan: RunPlan = {
    attacks: Array.from({ length: attacks }, (_, i) => ({ scenarioKey: oneTurn[i % oneTurn.length]!.key, version: oneTurn[i % oneTurn.length]!.version, variant: "direct" as const })),
    targets: { publicUrl: "http://127.0.0.1:3000", exfilUrl: "http://collect.attacker.example/upload", adminUrl: "http://admin.internal" },
  };
  return prisma.run.create({ data: { id: newId("run"), orgId: org.orgId, projectId: project.id, selection: {}, plan: plan as object, turnsTotal: attacks, ...caps } });
}

/** The run after it ended, its aborts, and the turns it finished. */
async function outcome(runId: string) {
  const run = await prisma.run.findUniqueOrThrow({ where: { id: runId } });
  const aborts = await prisma.runAbort.findMany({ where: { runId } });
  // Every automatic stop is audited as well, by the platform.
  const audited = await prisma.auditLogEntry.findMany({ where: { targetId: runId, action: "run.stop" } });
  expect(audited).toHaveLength(aborts.length);
  for (const entry of audited) expect(entry.actorType).toBe("SYSTEM");
  const finished = await prisma.runTurn.count({ where: { runId, finishedAt: { not: null } } });
  const instances = (run.scores as { instances: { verdict: string }[] }).instances;
  return { run, aborts, finished, judged: instances.filter((i) => i.verdict !== "not_run").length };
}

beforeAll(async () => {
  await ensureEventPartitions(prisma, { from: new Date(Date.now() - 86_400_000), days: 3 });
  org = await createTestOrg("Run caps");
  expect(oneTurn.length).toBeGreaterThan(0);
  await Promise.all([agent, judge].map((server) => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))));
});
afterAll(async () => {
  agent.closeAllConnections();
  await Promise.all([agent, judge].map((server) => new Promise((resolve) => server.close(resolve))));
});

describe("run caps", () => {
  it.each([
    ["max_turns", { maxTurns: 2 }, "MAX_TURNS", { limit: 2, used: 2 }, 2],
    ["max_llm_calls", { maxAgentCalls: 3 }, "MAX_LLM_CALLS", { limit: 3, used: 3 }, 3],
    // Each turn costs one agent call; three reach 5,000 micro-dollars.
    ["max_cost", { maxCostMicros: 5_000n }, "MAX_COST", { limit: 5_000, used: 3 * COST_MODEL.agentCallMicros }, 3],
    // Ingest already filled the run's events quota: its egress would no longer be captured, so
    // no turn may be judged without it.
    ["quota (events per run)", { maxEvents: 5, eventSeq: 5n }, "QUOTA", { limit: 5, used: 5 }, 0],
  ] as const)("%s: stops before the next turn, STOPPED with its reason and a run abort { limit, used }, keeping the finished turns", async (_, caps, reason, detail, turns) => {
    const created = await queuedRun(6, caps);
    await executeRun(deps(), created.id);
    const { run, aborts, finished, judged } = await outcome(created.id);
    expect(run).toMatchObject({ status: "STOPPED", stopReason: reason, turnsDone: turns, turnsTotal: 6 });
    expect(run.stopRequestedAt).not.toBeNull();
    expect(run.estimatedCostMicros).toBe(BigInt(run.agentCalls * COST_MODEL.agentCallMicros));
    expect(aborts).toEqual([expect.objectContaining({ reason, actorType: "SYSTEM", actorId: "caps-worker", detail })]);
    expect(finished).toBe(turns);
    expect(judged).toBe(turns);
  });

  it("max_tokens: stops once the LLM judge has spent the judge-token cap, counting its tokens in the cost", async () => {
    const created = await queuedRun(6, { maxJudgeTokens: 200n });
    await executeRun(deps(true), created.id);
    const { run, aborts, finished } = await outcome(created.id);
    // 132 tokens a judged turn: after two, 264 >= 200.
    expect(run).toMatchObject({ status: "STOPPED", stopReason: "MAX_TOKENS", turnsDone: 2, judgeTokens: 264n });
    expect(run.estimatedCostMicros).toBe(BigInt(2 * COST_MODEL.agentCallMicros + 264 * COST_MODEL.judgeTokenMicros));
    expect(aborts).toEqual([expect.objectContaining({ reason: "MAX_TOKENS", actorType: "SYSTEM", detail: { limit: 200, used: 264 } })]);
    expect(finished).toBe(2);
  });

  it("max_runtime: stops a run mid-turn once it has run its time, on the watch's timer", async () => {
    const created = await queuedRun(40, { maxRuntimeSeconds: 1 }, { slow: true });
    const started = Date.now();
    await executeRun(deps(), created.id);
    expect(Date.now() - started).toBeLessThan(2_500);
    const { run, aborts, finished } = await outcome(created.id);
    expect(run).toMatchObject({ status: "STOPPED", stopReason: "MAX_RUNTIME" });
    expect(run.turnsDone).toBeGreaterThan(0);
    expect(run.turnsDone).toBeLessThan(40);
    expect(finished).toBe(run.turnsDone);
    expect(aborts).toHaveLength(1);
    expect(aborts[0]).toMatchObject({ reason: "MAX_RUNTIME", actorType: "SYSTEM", actorId: "caps-worker", detail: { limit: 1 } });
    expect((aborts[0]!.detail as { used: number }).used).toBeGreaterThanOrEqual(1);
  });

  it("a run whose plan ends within its caps completes, and a cancel still ends a run CANCELED", async () => {
    const within = await queuedRun(2, { maxTurns: 2, maxAgentCalls: 2 });
    await executeRun(deps(), within.id);
    expect(await prisma.run.findUniqueOrThrow({ where: { id: within.id } })).toMatchObject({ status: "COMPLETED", stopReason: null, turnsDone: 2 });
    expect(await prisma.runAbort.count({ where: { runId: within.id } })).toBe(0);

    const canceled = await queuedRun(40, {}, { slow: true });
    const running = executeRun(deps(), canceled.id);
    await new Promise((resolve) => setTimeout(resolve, 700));
    await prisma.run.update({ where: { id: canceled.id }, data: { stopRequestedAt: new Date(), stopReason: "USER_CANCEL" } });
    await running;
    expect(await prisma.run.findUniqueOrThrow({ where: { id: canceled.id } })).toMatchObject({ status: "CANCELED", stopReason: "USER_CANCEL" });
  });
});
