import type { CreateRunInput, QuotaLimits } from "@bulwark/contracts";

export interface RunCaps {
  maxTurns: number | null;
  maxAgentCalls: number | null;
  maxJudgeTokens: number | null;
  maxCostMicros: number | null;
  maxRuntimeSeconds: number | null;
  maxEvents: number | null;
}

const lower = (...values: (number | null | undefined)[]): number | null => {
  const set = values.filter((v): v is number => v !== null && v !== undefined);
  return set.length ? Math.min(...set) : null;
};

/** A run's caps: the lower of the tier's per-run limit and the caller's budget (null: no cap). */
export function runCaps(limits: QuotaLimits, budget: CreateRunInput["budget"]): RunCaps {
  return {
    maxTurns: lower(limits.turns_per_run, budget?.maxTurns),
    maxAgentCalls: lower(limits.agent_calls_per_run, budget?.maxAgentCalls),
    maxJudgeTokens: lower(limits.judge_tokens_per_run),
    maxCostMicros: lower(limits.cost_micros_per_run, budget?.maxCostUsd === undefined ? null : Math.round(budget.maxCostUsd * 1_000_000)),
    maxRuntimeSeconds: lower(limits.runtime_seconds_per_run, budget?.maxRuntimeSeconds),
    maxEvents: lower(limits.events_per_run),
  };
}
