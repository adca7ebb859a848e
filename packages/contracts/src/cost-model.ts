/**
 * What the platform counts as a run's cost, in micro-dollars (1 USD = 1,000,000): the calls it
 * makes to the agent under test and the tokens its LLM judge spends. Estimates, quotas, the kill
 * switch and usage all use this one model, so a run's estimate and its measured cost agree.
 */
export const COST_MODEL = {
  /** Per call to the agent under test (the agent's own LLM spend, at a typical small model). */
  agentCallMicros: 2_000,
  /** Per LLM-judge token (prompt or completion). */
  judgeTokenMicros: 1,
} as const;

export function costMicros({ agentCalls, judgeTokens }: { agentCalls: number | bigint; judgeTokens: number | bigint }): bigint {
  return BigInt(agentCalls) * BigInt(COST_MODEL.agentCallMicros) + BigInt(judgeTokens) * BigInt(COST_MODEL.judgeTokenMicros);
}
