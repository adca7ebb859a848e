import { type Severity } from "../scenarios/schema";

/** A finding's ceiling, in tenths: the scenario's severity decides the band. */
export const SEVERITY_BASE_TENTHS: Record<Severity, number> = { critical: 95, high: 75, medium: 50, low: 25, info: 0 };

export interface FindingRiskInput {
  severity: Severity;
  /** 0–1, the verdict's confidence. */
  confidence: number;
  /** 0–1, the scenario's exploitability. */
  exploitability: number;
}

/**
 * A finding's risk score, 0–10 with one decimal:
 *
 *   base(severity) × (0.8 + 0.2 × confidence) × (0.85 + 0.15 × exploitability)
 *
 * rounded half up to one decimal. Severity sets the band; confidence and exploitability only
 * order findings within it, and can lower a score by at most 20% and 15%: a canary-proven
 * critical at the default exploitability (0.8) stays critical (9.2), and so does one at 0.9
 * confidence (9.0 exactly). Computed in integers (confidence and exploitability to 1/1000) so
 * the result is exact and the same everywhere; see README "Scores".
 */
export function findingRiskScore(input: FindingRiskInput): number {
  const base = SEVERITY_BASE_TENTHS[input.severity];
  const confidence = thousandths(input.confidence);
  const exploitability = thousandths(input.exploitability);
  // (0.8 + 0.2c) = (4000 + c‰) / 5000 and (0.85 + 0.15e) = (17000 + 3e‰) / 20000.
  const numerator = base * (4000 + confidence) * (17000 + 3 * exploitability);
  const denominator = 5000 * 20000;
  const tenths = Math.floor((2 * numerator + denominator) / (2 * denominator));
  return tenths / 10;
}

/** 0–1 as an integer count of thousandths; out-of-range or non-finite input is clamped. */
function thousandths(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.round(Math.min(1, Math.max(0, value)) * 1000);
}
