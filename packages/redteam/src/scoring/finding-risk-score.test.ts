import { describe, expect, it } from "vitest";
import { SEVERITIES } from "../scenarios/schema";
import { findingRiskScore } from "./finding-risk-score";
import { severityBand } from "./severity-band";

describe("findingRiskScore", () => {
  it("is the severity base when confidence and exploitability are certain", () => {
    expect(SEVERITIES.map((severity) => findingRiskScore({ severity, confidence: 1, exploitability: 1 }))).toEqual([9.5, 7.5, 5, 2.5, 0]);
  });

  it("keeps the severity's band for strong evidence at the default exploitability", () => {
    const expected = { critical: "critical", high: "high", medium: "medium", low: "low", info: "none" } as const;
    for (const severity of SEVERITIES) {
      for (const confidence of [0.9, 0.95, 0.99]) {
        expect(severityBand(findingRiskScore({ severity, confidence, exploitability: 0.8 }))).toBe(expected[severity]);
      }
    }
  });

  it("lands a 0.9-confidence critical at the default exploitability on exactly 9.0", () => {
    expect(findingRiskScore({ severity: "critical", confidence: 0.9, exploitability: 0.8 })).toBe(9);
    expect(findingRiskScore({ severity: "critical", confidence: 0.99, exploitability: 0.8 })).toBe(9.2);
  });

  it("lowers weak, hard-to-exploit findings by at most a third of the base", () => {
    expect(findingRiskScore({ severity: "critical", confidence: 0, exploitability: 0 })).toBe(6.5);
    expect(findingRiskScore({ severity: "high", confidence: 0.6, exploitability: 0.8 })).toBe(6.7);
    expect(findingRiskScore({ severity: "low", confidence: 0, exploitability: 0 })).toBe(1.7);
  });

  it("orders findings within a band by confidence and exploitability", () => {
    const sure = findingRiskScore({ severity: "high", confidence: 0.99, exploitability: 0.8 });
    const patterned = findingRiskScore({ severity: "high", confidence: 0.75, exploitability: 0.8 });
    const hard = findingRiskScore({ severity: "high", confidence: 0.99, exploitability: 0.2 });
    expect(sure).toBeGreaterThan(patterned);
    expect(sure).toBeGreaterThan(hard);
  });

  it("rounds half up exactly, with no float drift", () => {
    // 75 × (4000 + 500) × (17000 + 3 × 500) / 1e8 = 62.4375 tenths → 6.2; 50 × 4500 × 17000 / 1e8 = 38.25 → 3.8.
    expect(findingRiskScore({ severity: "high", confidence: 0.5, exploitability: 0.5 })).toBe(6.2);
    expect(findingRiskScore({ severity: "medium", confidence: 0.5, exploitability: 0 })).toBe(3.8);
    // 25 × 4500 × 20000 / 1e8 = 22.5 tenths exactly → rounds up to 2.3.
    expect(findingRiskScore({ severity: "low", confidence: 0.5, exploitability: 1 })).toBe(2.3);
  });

  it("clamps out-of-range inputs instead of scoring above the base", () => {
    expect(findingRiskScore({ severity: "critical", confidence: 7, exploitability: 2 })).toBe(9.5);
    expect(findingRiskScore({ severity: "critical", confidence: Number.NaN, exploitability: -1 })).toBe(6.5);
  });
});
