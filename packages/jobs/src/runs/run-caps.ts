import type { Run, StopReason } from "@bulwark/db";

/** The caps a run carries (null = no cap) and the counters they bound. */
export type RunCapFacts = Pick<
  Run,
  | "maxTurns"
  | "maxAgentCalls"
  | "maxJudgeTokens"
  | "maxCostMicros"
  | "maxRuntimeSeconds"
  | "maxEvents"
  | "eventSeq"
  | "turnsDone"
  | "agentCalls"
  | "judgeTokens"
  | "estimatedCostMicros"
  | "startedAt"
>;

/** A cap the run has reached: why it stops, and the `{ limit, used }` its run-abort row records. */
export interface CapReached {
  reason: Extract<StopReason, "MAX_TURNS" | "MAX_LLM_CALLS" | "MAX_TOKENS" | "MAX_COST" | "MAX_RUNTIME" | "QUOTA">;
  limit: number;
  used: number;
}

/**
 * The first cap the run has reached, or null. "Reached" is `used >= limit`: it is asked before a
 * turn is sent, so a run with `maxTurns: 3` sends exactly three turns. Runtime counts from the
 * run's first start, so a resumed run does not get its time again. A run whose events quota
 * is used up stops too (`quota`): ingest refuses its egress from then on, and a turn judged
 * without the egress it caused could pass when it should fail.
 */
export function runCapReached(run: RunCapFacts, now: Date = new Date()): CapReached | null {
  const checks: [CapReached["reason"], number | bigint | null, number | bigint][] = [
    ["MAX_TURNS", run.maxTurns, run.turnsDone],
    ["MAX_LLM_CALLS", run.maxAgentCalls, run.agentCalls],
    ["MAX_TOKENS", run.maxJudgeTokens, run.judgeTokens],
    ["MAX_COST", run.maxCostMicros, run.estimatedCostMicros],
    ["MAX_RUNTIME", run.maxRuntimeSeconds, run.startedAt ? Math.floor((now.getTime() - run.startedAt.getTime()) / 1000) : 0],
    ["QUOTA", run.maxEvents, run.eventSeq],
  ];
  for (const [reason, limit, used] of checks) {
    // Counters fit a JSON number by far (2^53 micro-dollars is nine billion dollars).
    if (limit !== null && used >= limit) return { reason, limit: Number(limit), used: Number(used) };
  }
  return null;
}
