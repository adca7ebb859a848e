import type { RunStatus } from "@bulwark/redteam";

export interface LimitationFacts {
  status: RunStatus;
  stopReason: string | null;
  turnsDone: number;
  turnsTotal: number;
  /** Egress events of the run, and those that carried no turn id. */
  egressEvents: number;
  untaggedEgressEvents: number;
  llmJudgeUsed: boolean;
  /** `key@version` of planned scenarios no longer in the catalog. */
  missingScenarios: string[];
}

/** Why a run was stopped early, in the words of its run-abort log. */
const STOP_REASONS: Record<string, string> = {
  max_turns: "it reached its turn cap",
  max_runtime: "it reached its runtime cap",
  max_llm_calls: "it reached its agent-call cap",
  max_tokens: "it reached its LLM-judge token cap",
  max_cost: "it reached its cost cap",
  admin_kill: "a platform administrator killed it",
  quota: "it used up its events quota, so further egress could not be captured",
};

/** What a reader must know before trusting the report's absence of findings, in plain sentences. */
export function reportLimitations(facts: LimitationFacts): string[] {
  const turns = `${facts.turnsDone} of ${facts.turnsTotal} turns`;
  const partial: Record<RunStatus, string | null> = {
    queued: "Partial: the run has not started yet; nothing has been judged.",
    running: `Partial: the run is still going (${turns} done); scenario instances not yet judged count as not run.`,
    completed: null,
    failed: `Partial: the run failed after ${turns}.`,
    canceled: `Partial: the run was canceled after ${turns}.`,
    stopped: `Partial: the run was stopped early${facts.stopReason ? ` (${facts.stopReason}${STOP_REASONS[facts.stopReason] ? `: ${STOP_REASONS[facts.stopReason]}` : ""})` : ""} after ${turns}; scenario instances not yet judged count as not run.`,
  };
  const limitations = [partial[facts.status]];
  if (facts.untaggedEgressEvents > 0) {
    limitations.push(
      `${facts.untaggedEgressEvents} egress event${facts.untaggedEgressEvents === 1 ? "" : "s"} carried no turn id because the agent does not forward the run headers (X-Bulwark-Run-Id, X-Bulwark-Turn-Id): they were attributed to turns by time window, which can credit a request to an attack running at the same time.`,
    );
  }
  if (facts.egressEvents === 0 && facts.turnsDone > 0) {
    limitations.push("No egress was captured for this run: either the agent made no outbound requests or no sidecar reported them. Tool calls were judged from the agent's own report of them.");
  }
  if (!facts.llmJudgeUsed) {
    limitations.push("No LLM judge: verdicts come from deterministic detectors only (canaries, secret patterns, egress, tool calls, reply patterns), so a harmful reply that trips none of them counts as a pass.");
  }
  if (facts.missingScenarios.length > 0) {
    limitations.push(`No longer in the catalog, so described from the run's own records: ${facts.missingScenarios.join(", ")}.`);
  }
  return limitations.filter((item): item is string => item !== null);
}
