import { costMicros } from "@bulwark/contracts";
import type { RunCaps } from "./run-caps";

/** Judge tokens one judged turn may spend: its prompt (scenario, message, reply) and a verdict. */
export const JUDGE_TOKENS_PER_TURN = 1_500;
/** Seconds one turn takes besides the agent's pacing: the reply and the egress grace. */
export const SECONDS_PER_TURN = 4;

export interface RunUsageEstimate {
  /** Turns the plan holds, before caps. */
  plannedTurns: number;
  turns: number;
  agentCalls: number;
  judgeTokens: number;
  costMicros: number;
  durationSeconds: number;
}

/**
 * What a run will use: one agent call per turn (retries on 429/503 come on top), every judged
 * turn sent to the LLM judge when there is one (an upper bound: detectors decide most turns),
 * within the run's caps (the cost is the plan's: the run itself stops at its cost cap). Duration: the slower of the connector's request rate and its
 * concurrency times the per-turn time, cut at the runtime cap.
 */
export function estimateRunUsage(input: {
  plannedTurns: number;
  judgedTurns: number;
  caps: RunCaps;
  connector: { requestsPerSecond: number; maxConcurrency: number };
  judgeEnabled: boolean;
}): RunUsageEstimate {
  const { plannedTurns, judgedTurns, caps, connector } = input;
  const turns = Math.min(plannedTurns, caps.maxTurns ?? Infinity, caps.maxAgentCalls ?? Infinity);
  const agentCalls = turns;
  const judged = plannedTurns === 0 ? 0 : Math.round((judgedTurns * turns) / plannedTurns);
  const judgeTokens = input.judgeEnabled ? Math.min(judged * JUDGE_TOKENS_PER_TURN, caps.maxJudgeTokens ?? Infinity) : 0;
  const cost = Number(costMicros({ agentCalls, judgeTokens }));
  const seconds = Math.max(turns / connector.requestsPerSecond, (turns * SECONDS_PER_TURN) / connector.maxConcurrency);
  return {
    plannedTurns,
    turns,
    agentCalls,
    judgeTokens,
    costMicros: cost,
    durationSeconds: Math.ceil(Math.min(seconds, caps.maxRuntimeSeconds ?? Infinity)),
  };
}
