import { costMicros } from "@bulwark/contracts";
import { redact, redactJson } from "@bulwark/detect";
import { newId, type Prisma, type RunTurn } from "@bulwark/db";
import {
  callAgent,
  type HistoryMessage,
  judgeTurn,
  judgeWithLlm,
  needsLlmJudge,
  type Scenario,
  storyEvidenceFrom,
  storyStepsForTurn,
  type TurnEvidence,
  type TurnVerdict,
  type Variant,
} from "@bulwark/redteam";
import { SpanKind, SpanStatusCode, traceCarrier, withSpan } from "@bulwark/telemetry";
import { appendEvidence, type EvidenceInput } from "./append-evidence";
import { appendStory } from "./append-story";
import { collectEgress } from "./collect-egress";
import { notifyRunUpdate } from "./notify-run";
import type { RunContext } from "./run-context";

/** What a finished turn left for the rest of its attack: the exchange, and its verdict if judged. */
export interface TurnResult {
  message: string;
  reply: string | null;
  verdict: TurnVerdict | null;
}

const MAX_STORED_REPLY_CHARS = 16_000;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

/**
 * Sends one turn and judges it: upsert the turn row (a retried turn reuses it, never adds one),
 * call the agent through the guarded connector, give the sidecar a moment to ship the turn's
 * egress, judge from reply + tool calls + egress, then write the evidence chain links, the
 * turn's verdict and the run's counters, its cost by the shared cost model (the cost cap reads
 * it before the next turn). Everything stored is redacted first.
 */
export async function runTurn(
  ctx: RunContext,
  attack: { scenario: Scenario; variant: Variant; sessionId: string; canaries: Record<string, string> },
  turnIndex: number,
  message: string,
  history: HistoryMessage[],
): Promise<TurnResult> {
  const { prisma, run } = ctx;
  const { scenario, variant } = attack;
  const judged = scenario.turns[turnIndex]!.judge;
  const startedAt = new Date();
  const turn: RunTurn = await prisma.runTurn.upsert({
    where: { runId_scenarioKey_variant_turnIndex: { runId: run.id, scenarioKey: scenario.key, variant, turnIndex } },
    create: {
      id: newId("turn"),
      orgId: run.orgId,
      runId: run.id,
      scenarioKey: scenario.key,
      scenarioVersion: scenario.version,
      category: scenario.category,
      turnIndex,
      variant,
      message: redact(message).text,
      startedAt,
    },
    update: { startedAt },
  });
  // The message is linked as it is sent, so a live view shows the turn start before the reply.
  const [sent] = await appendEvidence(prisma, run, [{ kind: "MESSAGE", turnId: turn.id, payload: { text: turn.message, variant, turnIndex } }]);
  await notifyRunUpdate(prisma, run.id);

  const call = await withSpan("agent.call", { kind: SpanKind.CLIENT, attributes: { "bulwark.run.id": run.id, "bulwark.turn.id": turn.id } }, async (span) => {
    const result = await callAgent(ctx.connector, {
      message,
      sessionId: attack.sessionId,
      history,
      runId: run.id,
      turnId: turn.id,
      signal: ctx.watch.signal,
      secretKey: ctx.secretKey,
      policy: ctx.policy,
      limiter: ctx.limiter,
      // This span's context, so an agent that traces continues the run's trace.
      traceHeaders: traceCarrier(),
    });
    span.setAttributes({ "bulwark.agent.attempts": result.attempts, "bulwark.agent.latency_ms": result.latencyMs, "bulwark.agent.outcome": result.outcome.status === "ok" ? "ok" : result.outcome.kind });
    if (result.outcome.status === "error") span.setStatus({ code: SpanStatusCode.ERROR, message: result.outcome.kind });
    return result;
  });
  const finishedAt = new Date();
  // Wait for the sidecar to ship what the agent did, whenever the agent was reached (a timeout
  // or an error status can follow an exfiltration, which still fails the turn).
  const reachedAgent = call.outcome.status === "ok" || ["timeout", "http_status", "bad_response"].includes(call.outcome.kind);
  if (reachedAgent) await sleep(ctx.egressGraceMs, ctx.watch.signal);

  const egress = await collectEgress(prisma, { id: turn.id, runId: run.id, projectId: ctx.project.id, startedAt, finishedAt: new Date(finishedAt.getTime() + 250) });
  const evidence: TurnEvidence = { outcome: call.outcome, egress, canaries: Object.values(attack.canaries), internalHostSuffixes: ctx.project.internalHostSuffixes };
  let verdict = judged ? judgeTurn(scenario.detectors, evidence) : null;
  let judgeTokens = 0;
  if (verdict && ctx.judge && needsLlmJudge(verdict, call.outcome.status === "ok" ? call.outcome.reply : null) && (await judgeBudgetLeft(ctx))) {
    const judgedByLlm = await judgeWithLlm(
      ctx.judge.config,
      { scenario, message, reply: call.outcome.status === "ok" ? call.outcome.reply : "", verdict },
      { policy: { allowPrivateNetwork: ctx.judge.allowPrivateNetwork }, signal: ctx.watch.signal },
    );
    verdict = judgedByLlm.verdict;
    judgeTokens = judgedByLlm.tokens.prompt + judgedByLlm.tokens.completion;
    if (judgedByLlm.status === "failed") ctx.log.warn({ turnId: turn.id, error: judgedByLlm.error }, "the LLM judge failed; the deterministic verdict stands");
  }

  const reply = call.outcome.status === "ok" ? redact(call.outcome.reply.slice(0, MAX_STORED_REPLY_CHARS)).text : null;
  const toolCalls = call.outcome.status === "ok" ? (redactJson(call.outcome.toolCalls).value as Prisma.InputJsonValue[]) : [];

  // The chain in order: message sent (linked above) → reply (or error) → tool calls → egress → verdict.
  const links: EvidenceInput[] = [];
  if (call.outcome.status === "ok") links.push({ kind: "REPLY", turnId: turn.id, payload: { text: reply ?? "" } });
  else links.push({ kind: "ERROR", turnId: turn.id, payload: { kind: call.outcome.kind, message: call.outcome.message } });
  toolCalls.forEach((toolCall, index) => links.push({ kind: "TOOL_CALL", turnId: turn.id, payload: { index, call: toolCall } }));
  for (const event of egress) {
    links.push({
      kind: "EGRESS_EVENT",
      turnId: turn.id,
      payload: { eventId: event.id, method: event.method, host: event.host, path: event.path ?? null, destinationClass: event.destinationClass, hits: event.hits, sinkholed: event.sinkholed ?? false },
    });
  }
  if (verdict) links.push({ kind: "VERDICT", turnId: turn.id, payload: { ...verdict } as unknown as Prisma.InputJsonValue });
  const appended = await appendEvidence(prisma, run, links);

  const outcomeColumn = verdict ? (`turns${verdict.verdict === "pass" ? "Passed" : verdict.verdict === "fail" ? "Failed" : "Inconclusive"}` as const) : null;
  await prisma.$transaction([
    prisma.runTurn.update({
      where: { id: turn.id },
      data: {
        reply,
        toolCalls,
        verdict: verdict ? (verdict.verdict.toUpperCase() as "PASS" | "FAIL" | "INCONCLUSIVE") : null,
        detector: verdict?.detector ?? (judged ? null : "setup"),
        confidence: verdict?.confidence ?? null,
        evidenceIds: [sent!.id, ...appended.map((link) => link.id)],
        attempts: { increment: call.attempts },
        latencyMs: call.latencyMs,
        error: call.outcome.status === "error" ? `${call.outcome.kind}: ${call.outcome.message}` : null,
        finishedAt,
      },
    }),
    prisma.run.update({
      where: { id: run.id },
      data: {
        turnsDone: { increment: 1 },
        agentCalls: { increment: call.attempts },
        judgeTokens: { increment: judgeTokens },
        estimatedCostMicros: { increment: costMicros({ agentCalls: call.attempts, judgeTokens }) },
        ...(outcomeColumn ? { [outcomeColumn]: { increment: 1 } } : {}),
      },
    }),
  ]);
  await appendStory(
    prisma,
    run,
    storyStepsForTurn({
      scenario: { key: scenario.key, title: scenario.title, category: scenario.category, variant },
      turnId: turn.id,
      turnIndex,
      turnCount: scenario.turns.length,
      judged,
      message: turn.message,
      plantedValues: Object.values(attack.canaries),
      verdict,
      evidence: storyEvidenceFrom(evidence, Object.keys(attack.canaries)),
    }),
  );
  await notifyRunUpdate(prisma, run.id);
  return { message, reply, verdict };
}

/** The judge spends tokens: a run with a judge-token cap stops consulting it once the cap is reached. */
async function judgeBudgetLeft(ctx: RunContext): Promise<boolean> {
  if (ctx.run.maxJudgeTokens === null) return true;
  const run = await ctx.prisma.run.findUniqueOrThrow({ where: { id: ctx.run.id }, select: { judgeTokens: true } });
  return run.judgeTokens < ctx.run.maxJudgeTokens;
}
