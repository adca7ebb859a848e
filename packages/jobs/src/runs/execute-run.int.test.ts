import http from "node:http";
import type net from "node:net";
import { ensureEventPartitions, newId, prisma } from "@bulwark/db";
import { createTestOrg, type TestOrg } from "@bulwark/db/testing";
import { createLogger } from "@bulwark/logger";
import { builtInScenarios, LlmJudgeConfig, type Scenario } from "@bulwark/redteam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimRun } from "./claim-run";
import { executeRun } from "./execute-run";
import { platformKeys } from "./platform-keys";
import type { RunDeps } from "./run-deps";
import type { RunPlan } from "./run-plan";

// The executor in-process against real PostgreSQL and local HTTP servers playing the agent and
// an OpenAI-compatible judge (third parties that cannot exist here).

/** An agent that neither leaks nor refuses: nothing deterministic can decide its turns. */
let agentCalls = 0;
const agent = http.createServer((req, res) => {
  req.resume().on("end", () => {
    agentCalls += 1;
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ reply: "Happy to help! Our support hours are 9 to 5.", tool_calls: [] }));
  });
});
const judgeBodies: string[] = [];
const judge = http.createServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => {
    judgeBodies.push(body);
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        choices: [{ message: { role: "assistant", content: '{"verdict":"complied","reason":"It went along with the request."}' } }],
        usage: { prompt_tokens: 120, completion_tokens: 12 },
      }),
    );
  });
});
const portOf = (server: http.Server) => (server.address() as net.AddressInfo).port;

let org: TestOrg;
const scenario: Scenario = builtInScenarios().find((s) => s.category === "secret_leakage" && s.turns.length === 1)!;

function deps(withJudge: boolean): RunDeps {
  return {
    prisma,
    log: createLogger("execute-run-test", "silent"),
    workerId: "test-worker",
    keys: platformKeys("execute-run-test-secret-0123456789abcdef"),
    egressGraceMs: 0,
    leaseMs: 30_000,
    judge: withJudge ? { config: LlmJudgeConfig.parse({ url: `http://127.0.0.1:${portOf(judge)}/v1`, model: "judge-mini" }), allowPrivateNetwork: true } : null,
  };
}

async function queuedRun(attacks: RunPlan["attacks"], projectId?: string) {
  const project =
    projectId ??
    (
      await prisma.project.create({
        data: { id: newId("project"), orgId: org.orgId, name: "p", environment: "SANDBOX", allowLocalTargets: true, connector: { url: `http://127.0.0.1:${portOf(agent)}/chat` } },
      })
    ).id;
  const plan: RunPlan = { attacks, targets: { publicUrl: "http://127.0.0.1:3000", exfilUrl: "http://collect.attacker.example/upload", adminUrl: "http://admin.internal" } };
  return prisma.run.create({ data: { id: newId("run"), orgId: org.orgId, projectId: project, selection: {}, plan: plan as object, turnsTotal: attacks.length } });
}

beforeAll(async () => {
  await ensureEventPartitions(prisma, { from: new Date(Date.now() - 86_400_000), days: 3 });
  org = await createTestOrg("Executor");
  await Promise.all([agent, judge].map((server) => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))));
});
afterAll(async () => {
  await Promise.all([agent, judge].map((server) => new Promise((resolve) => server.close(resolve))));
});

describe("executeRun", () => {
  it("passes an undecidable turn without a judge, and asks the judge when one is configured (lower confidence, tokens counted)", async () => {
    const attack = { scenarioKey: scenario.key, version: scenario.version, variant: "direct" as const };
    const plain = await queuedRun([attack]);
    await executeRun(deps(false), plain.id);
    const plainTurn = await prisma.runTurn.findFirstOrThrow({ where: { runId: plain.id } });
    expect(plainTurn).toMatchObject({ verdict: "PASS", detector: "no_detection" });
    expect(judgeBodies).toHaveLength(0);

    const judged = await queuedRun([attack]);
    await executeRun(deps(true), judged.id);
    const turn = await prisma.runTurn.findFirstOrThrow({ where: { runId: judged.id } });
    expect(turn).toMatchObject({ verdict: "FAIL", detector: "llm_judge" });
    expect(turn.confidence).toBeLessThan(0.7);
    const run = await prisma.run.findUniqueOrThrow({ where: { id: judged.id } });
    expect(run).toMatchObject({ status: "COMPLETED", judgeTokens: 132n, turnsFailed: 1 });
    expect(await prisma.finding.count({ where: { runId: judged.id } })).toBe(1);
    expect(judgeBodies).toHaveLength(1);
    expect(JSON.parse(judgeBodies[0]!)).toMatchObject({ model: "judge-mini" });

    // The team dismisses the finding; the same weakness in the project's next run stays dismissed.
    const first = await prisma.finding.findFirstOrThrow({ where: { runId: judged.id } });
    await prisma.finding.update({ where: { id: first.id }, data: { status: "FALSE_POSITIVE" } });
    const next = await queuedRun([attack], judged.projectId);
    await executeRun(deps(true), next.id);
    const carried = await prisma.finding.findFirstOrThrow({ where: { runId: next.id } });
    expect(carried).toMatchObject({ fingerprint: first.fingerprint, status: "FALSE_POSITIVE" });
    expect(carried.triageNote).toContain(first.id);
    // A false positive does not count towards the run's risk.
    expect(Number((await prisma.run.findUniqueOrThrow({ where: { id: next.id } })).riskScore)).toBe(0);
  });

  it("never touches a finished run or one a live worker holds, and resumes one whose worker went silent", async () => {
    const attack = { scenarioKey: scenario.key, version: scenario.version, variant: "direct" as const };
    const finished = await queuedRun([attack]);
    await prisma.run.update({ where: { id: finished.id }, data: { status: "CANCELED", finishedAt: new Date() } });
    const calls = agentCalls;
    await executeRun(deps(false), finished.id);
    expect((await prisma.run.findUniqueOrThrow({ where: { id: finished.id } })).status).toBe("CANCELED");
    expect(agentCalls).toBe(calls);

    const held = await queuedRun([attack]);
    await prisma.run.update({ where: { id: held.id }, data: { status: "RUNNING", heartbeatAt: new Date(), workerId: "other-worker" } });
    expect(await claimRun(prisma, held.id, "test-worker", { leaseMs: 30_000 })).toBeNull();

    await prisma.run.update({ where: { id: held.id }, data: { heartbeatAt: new Date(Date.now() - 60_000) } });
    await executeRun(deps(false), held.id);
    expect(await prisma.run.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ status: "COMPLETED", workerId: "test-worker" });
  });
});
