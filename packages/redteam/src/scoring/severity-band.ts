export const SEVERITY_BANDS = ["critical", "high", "medium", "low", "none"] as const;
export type SeverityBand = (typeof SEVERITY_BANDS)[number];

/**
 * A 0–10 score in integer tenths. Scores are one-decimal numbers (as stored, `Decimal(3,1)`);
 * comparing tenths as integers keeps the band edges exact where float arithmetic would not
 * (0.1 * 3 * 30 is 9.000000000000002; a total meant to be 9.0 can as well land just below it).
 */
export function toTenths(score: number): number {
  if (!Number.isFinite(score)) return 0;
  return Math.min(100, Math.max(0, Math.round(score * 10)));
}

/** CVSS-like bands: critical ≥ 9.0, high ≥ 7.0, medium ≥ 4.0, low > 0, none = 0. */
export function severityBand(score: number): SeverityBand {
  const tenths = toTenths(score);
  if (tenths >= 90) return "critical";
  if (tenths >= 70) return "high";
  if (tenths >= 40) return "medium";
  if (tenths > 0) return "low";
  return "none";
}
