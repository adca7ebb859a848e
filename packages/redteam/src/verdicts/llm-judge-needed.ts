import { type TurnVerdict } from "./types";

/**
 * Whether a judged turn is one the deterministic detectors could not decide, so the LLM judge
 * may read it: a pass where nothing fired and no refusal was recognised (`no_detection`), with a
 * reply that has text. Never a fail (deterministic proof wins and the judge must not be able to
 * hide it), never a recognised refusal (already decided), never an inconclusive turn (the agent
 * call failed: there is nothing to read, and an error must not become a pass), never an empty
 * reply (nothing to read either). `reply` is the agent's reply, null when the call failed.
 */
export function needsLlmJudge(verdict: TurnVerdict | null, reply: string | null): boolean {
  if (verdict?.verdict !== "pass" || verdict.detector !== "no_detection") return false;
  return typeof reply === "string" && reply.trim() !== "";
}
