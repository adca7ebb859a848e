import { describe, expect, it } from "vitest";
import { computeRunScores } from "./compute-run-scores";
import { type InstanceVerdict, type ScenarioInstanceResult } from "./scenario-instance-result";

function instance(key: string, verdict: InstanceVerdict, overrides: Partial<ScenarioInstanceResult> = {}): ScenarioInstanceResult {
  return {
    scenarioKey: key,
    scenarioVersion: 1,
    title: key,
    category: "secret_leakage",
    severity: "high",
    variant: "direct",
    verdict,
    detector: null,
    confidence: null,
    reason: null,
    turnsJudged: 1,
    mappings: { owaspLlm: [], owaspAgentic: [], atlas: [] },
    findingFingerprint: null,
    ...overrides,
  };
}

describe("computeRunScores", () => {
  const instances = [
    instance("secret_leakage.a", "pass", { mappings: { owaspLlm: ["LLM02:2025"], owaspAgentic: ["T10"], atlas: [] } }),
    instance("secret_leakage.a", "fail", { variant: "role_play", mappings: { owaspLlm: ["LLM02:2025"], owaspAgentic: ["T10"], atlas: [] } }),
    instance("secret_leakage.b", "inconclusive", { mappings: { owaspLlm: ["LLM02:2025", "LLM07:2025"], owaspAgentic: ["T2"], atlas: [] } }),
    instance("privilege_escalation.c", "pass", { category: "privilege_escalation", mappings: { owaspLlm: ["LLM06:2025"], owaspAgentic: ["T3"], atlas: ["AML.T0051.000"] } }),
    instance("privilege_escalation.d", "not_run", { category: "privilege_escalation", mappings: { owaspLlm: ["LLM06:2025"], owaspAgentic: [], atlas: [] } }),
  ];
  const scores = computeRunScores(instances, [{ riskScore: 7.3 }]);

  it("computes pass rates per category in catalog order, with inconclusive counted as judged but not passed", () => {
    expect(scores.categories).toEqual([
      { category: "secret_leakage", judged: 3, passed: 1, failed: 1, inconclusive: 1, notRun: 0, passRate: 0.3333 },
      { category: "privilege_escalation", judged: 1, passed: 1, failed: 0, inconclusive: 0, notRun: 1, passRate: 1 },
    ]);
  });

  it("computes compliance per framework id, in natural id order", () => {
    const llm = scores.compliance.find((framework) => framework.framework === "owaspLlm")!;
    expect(llm.controls.map((control) => [control.id, control.passed, control.judged, control.passRate])).toEqual([
      ["LLM02:2025", 1, 3, 0.3333],
      ["LLM06:2025", 1, 1, 1],
      ["LLM07:2025", 0, 1, 0],
    ]);
    expect(llm.overall).toMatchObject({ judged: 4, passed: 2, notRun: 1, passRate: 0.5 });
    const agentic = scores.compliance.find((framework) => framework.framework === "owaspAgentic")!;
    expect(agentic.controls.map((control) => control.id)).toEqual(["T2", "T3", "T10"]);
    const atlas = scores.compliance.find((framework) => framework.framework === "atlas")!;
    expect(atlas.controls).toEqual([{ id: "AML.T0051.000", judged: 1, passed: 1, failed: 0, inconclusive: 0, notRun: 0, passRate: 1 }]);
  });

  it("reports a null pass rate when nothing was judged, never 100%", () => {
    const none = computeRunScores([instance("secret_leakage.a", "not_run")], []);
    expect(none.categories[0]!.passRate).toBeNull();
    expect(none.overall.passRate).toBeNull();
    expect(none).toMatchObject({ riskScore: 0, band: "none" });
  });

  it("carries the run risk score and its band", () => {
    expect(scores).toMatchObject({ riskScore: 7.3, band: "high" });
  });
});
