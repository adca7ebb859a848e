import { toTenths } from "./severity-band";

export type FindingStatus = "open" | "confirmed" | "false_positive" | "accepted_risk" | "fixed";

export interface ScoredFinding {
  riskScore: number;
  status?: FindingStatus;
}

/** Each further finding at medium or above (≥ 4.0) adds 0.1 … */
const EXTRA_FINDING_TENTHS = 1;
const EXTRA_FINDING_MIN_TENTHS = 40;
/** … up to 1.0 in all: many findings make a run worse than its worst one, but never more than a point. */
const MAX_EXTRA_TENTHS = 10;

/**
 * A run's risk score, 0–10 with one decimal: its highest finding score, plus 0.1 for every other
 * finding of medium band or above, at most +1.0, capped at 10. No findings is 0. Findings triaged
 * as false positives do not count; accepted or fixed ones still do (the run found them).
 */
export function runRiskScore(findings: readonly ScoredFinding[]): number {
  const scores = findings
    .filter((finding) => finding.status !== "false_positive")
    .map((finding) => toTenths(finding.riskScore))
    .sort((a, b) => b - a);
  if (scores.length === 0) return 0;
  const [highest, ...rest] = scores as [number, ...number[]];
  const extra = Math.min(MAX_EXTRA_TENTHS, rest.filter((tenths) => tenths >= EXTRA_FINDING_MIN_TENTHS).length * EXTRA_FINDING_TENTHS);
  return Math.min(100, highest + extra) / 10;
}
