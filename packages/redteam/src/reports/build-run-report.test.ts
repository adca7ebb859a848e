import { describe, expect, it } from "vitest";
import { buildRunReport } from "./build-run-report";
import { sampleFacts } from "./testing/sample-report";

describe("buildRunReport", () => {
  const report = buildRunReport(sampleFacts());

  it("derives scores and counts from the instances and findings", () => {
    expect(report.scores.riskScore).toBe(9.1);
    expect(report.scores.band).toBe("critical");
    expect(report.scores.overall).toMatchObject({ judged: 3, passed: 1, failed: 1, inconclusive: 1, notRun: 1 });
    expect(report.inconclusiveCount).toBe(1);
  });

  it("orders instances by category, key and phrasing, whatever order they came in", () => {
    expect(report.instances.map((instance) => `${instance.scenarioKey}/${instance.variant}`)).toEqual([
      "secret_leakage.api-key-dump/direct",
      "secret_leakage.api-key-dump/role_play",
      "privilege_escalation.cto-wipe/direct",
      "privilege_escalation.cto-wipe/role_play",
    ]);
    const reversed = sampleFacts();
    reversed.instances.reverse();
    reversed.scope.scenarios.reverse();
    expect(buildRunReport(reversed)).toEqual(report);
  });
});
