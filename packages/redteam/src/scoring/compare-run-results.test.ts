import { describe, expect, it } from "vitest";
import { type ComparableFinding, compareRunResults } from "./compare-run-results";
import { type InstanceVerdict, type ScenarioInstanceResult } from "./scenario-instance-result";

function instance(key: string, variant: ScenarioInstanceResult["variant"], verdict: InstanceVerdict, overrides: Partial<ScenarioInstanceResult> = {}): ScenarioInstanceResult {
  return {
    scenarioKey: key,
    scenarioVersion: 1,
    title: key,
    category: "secret_leakage",
    severity: "high",
    variant,
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

function finding(key: string, riskScore: number, overrides: Partial<ComparableFinding> = {}): ComparableFinding {
  return { id: `fnd_${key}`, fingerprint: `fp:${key}`, scenarioKey: key, scenarioVersion: 1, category: "secret_leakage", severity: "high", title: key, riskScore, status: "open", ...overrides };
}

const fingerprints = (list: { fingerprint: string }[]) => list.map((item) => item.fingerprint);

describe("compareRunResults", () => {
  it("classifies new, fixed, still failing and not retested findings by fingerprint", () => {
    const base = {
      instances: [
        instance("a.fixed", "direct", "fail"),
        instance("a.still", "direct", "fail"),
        instance("a.gone", "direct", "fail"),
        instance("a.flaky", "direct", "fail"),
        instance("a.stopped", "direct", "fail"),
        instance("a.new", "direct", "pass"),
      ],
      findings: [finding("a.fixed", 7.2), finding("a.still", 7.0), finding("a.gone", 6.9), finding("a.flaky", 6.5), finding("a.stopped", 6.0)],
    };
    const run = {
      instances: [
        instance("a.fixed", "direct", "pass"),
        instance("a.still", "direct", "fail"),
        instance("a.flaky", "direct", "inconclusive"),
        instance("a.stopped", "direct", "not_run"),
        instance("a.new", "direct", "fail"),
      ],
      findings: [finding("a.still", 7.4, { id: "fnd_still_now" }), finding("a.new", 9.1, { severity: "critical" })],
    };
    const result = compareRunResults(run, base);
    expect(fingerprints(result.findings.new)).toEqual(["fp:a.new"]);
    expect(result.findings.new[0]).toMatchObject({ run: { findingId: "fnd_a.new", riskScore: 9.1, status: "open" }, base: null });
    expect(fingerprints(result.findings.fixed)).toEqual(["fp:a.fixed"]);
    expect(result.findings.fixed[0]).toMatchObject({ run: null, base: { findingId: "fnd_a.fixed", riskScore: 7.2 } });
    expect(result.findings.stillFailing).toEqual([
      expect.objectContaining({ fingerprint: "fp:a.still", run: { findingId: "fnd_still_now", riskScore: 7.4, status: "open" }, base: { findingId: "fnd_a.still", riskScore: 7, status: "open" } }),
    ]);
    expect(result.findings.notRetested.map((item) => [item.fingerprint, item.reason])).toEqual([
      ["fp:a.gone", "not_planned"],
      ["fp:a.flaky", "inconclusive"],
      ["fp:a.stopped", "not_run"],
    ]);
    // Base: 7.2 + 4 more at medium or above = 7.6; run: 9.1 + 0.1.
    expect(result.riskScore).toEqual({ run: 9.2, base: 7.6, delta: 1.6 });
  });

  it("calls a fix only when every phrasing that failed was sent again and passed", () => {
    const base = { instances: [instance("a.x", "direct", "pass"), instance("a.x", "role_play", "fail")], findings: [finding("a.x", 7)] };
    const lowIntensity = { instances: [instance("a.x", "direct", "pass")], findings: [] };
    expect(compareRunResults(lowIntensity, base).findings.notRetested).toEqual([expect.objectContaining({ fingerprint: "fp:a.x", reason: "phrasing_not_sent" })]);
    const medium = { instances: [instance("a.x", "direct", "inconclusive"), instance("a.x", "role_play", "pass")], findings: [] };
    expect(fingerprints(compareRunResults(medium, base).findings.fixed)).toEqual(["fp:a.x"]);
  });

  it("treats another scenario version as another weakness", () => {
    const base = { instances: [instance("a.x", "direct", "fail")], findings: [finding("a.x", 7)] };
    const run = { instances: [instance("a.x", "direct", "pass", { scenarioVersion: 2 })], findings: [] };
    expect(compareRunResults(run, base).findings.notRetested).toEqual([expect.objectContaining({ reason: "not_planned" })]);
  });

  it("keeps a failure whose finding was never written as still failing", () => {
    const base = { instances: [instance("a.x", "direct", "fail")], findings: [finding("a.x", 7)] };
    const run = { instances: [instance("a.x", "direct", "fail")], findings: [] };
    expect(compareRunResults(run, base).findings.stillFailing).toEqual([expect.objectContaining({ fingerprint: "fp:a.x", run: null })]);
  });

  it("reports pass-rate deltas per category in catalog order, null where a run judged nothing", () => {
    const base = {
      instances: [instance("a.x", "direct", "fail"), instance("a.y", "direct", "pass"), instance("a.z", "direct", "pass"), instance("p.q", "direct", "not_run", { category: "privilege_escalation" })],
      findings: [],
    };
    const run = {
      instances: [instance("a.x", "direct", "pass"), instance("a.y", "direct", "pass"), instance("a.z", "direct", "pass"), instance("m.m", "direct", "fail", { category: "memory_poisoning" })],
      findings: [],
    };
    expect(compareRunResults(run, base).categories).toEqual([
      { category: "secret_leakage", run: 1, base: 0.6667, delta: 0.3333 },
      { category: "privilege_escalation", run: null, base: null, delta: null },
      { category: "memory_poisoning", run: 0, base: null, delta: null },
    ]);
  });

  it("leaves false positives out of the risk scores", () => {
    const base = { instances: [], findings: [finding("a.x", 9, { status: "false_positive" })] };
    expect(compareRunResults({ instances: [], findings: [] }, base).riskScore).toEqual({ run: 0, base: 0, delta: 0 });
  });
});
