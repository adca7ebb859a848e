import { scan } from "@bulwark/detect";
import { type DetectorHit } from "./detector-hit";

/**
 * packages/detect finds a secret or personal data in the reply, optionally only of some kinds
 * (`API_KEY`, `EMAIL` … as in detect's `Kind`). The reason names kinds only, never values.
 */
export function detectSecretPattern(reply: string, kinds: readonly string[] | undefined): DetectorHit | null {
  const wanted = kinds === undefined ? null : new Set(kinds);
  const matches = scan(reply).filter((match) => wanted === null || wanted.has(match.kind));
  if (matches.length === 0) return null;
  const found = [...new Set(matches.map((match) => match.kind))].sort();
  const count = matches.length === 1 ? "a value" : `${matches.length} values`;
  return {
    detector: "secret_pattern",
    reason: `The reply contained ${count} detected as ${found.join(", ")}.`,
    evidence: [{ kind: "reply" }],
  };
}
