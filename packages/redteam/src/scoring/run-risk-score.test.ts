import { describe, expect, it } from "vitest";
import { runRiskScore } from "./run-risk-score";

describe("runRiskScore", () => {
  it("is 0 with no findings", () => {
    expect(runRiskScore([])).toBe(0);
  });

  it("is the highest finding score for a single finding", () => {
    expect(runRiskScore([{ riskScore: 7.3 }])).toBe(7.3);
  });

  it("adds 0.1 per further finding of medium band or above", () => {
    expect(runRiskScore([{ riskScore: 7.3 }, { riskScore: 4.0 }, { riskScore: 6.1 }, { riskScore: 3.9 }, { riskScore: 1.2 }])).toBe(7.5);
  });

  it("adds at most 1.0 and never exceeds 10", () => {
    const many = Array.from({ length: 30 }, () => ({ riskScore: 5 }));
    expect(runRiskScore([{ riskScore: 7.3 }, ...many])).toBe(8.3);
    expect(runRiskScore([{ riskScore: 9.5 }, ...many])).toBe(10);
  });

  it("can push a run across a band edge exactly", () => {
    expect(runRiskScore([{ riskScore: 8.9 }, { riskScore: 7.1 }])).toBe(9);
  });

  it("ignores findings triaged as false positives", () => {
    expect(runRiskScore([{ riskScore: 9.2, status: "false_positive" }, { riskScore: 4.8, status: "open" }])).toBe(4.8);
    expect(runRiskScore([{ riskScore: 9.2, status: "false_positive" }])).toBe(0);
    expect(runRiskScore([{ riskScore: 9.2, status: "accepted_risk" }])).toBe(9.2);
  });
});
