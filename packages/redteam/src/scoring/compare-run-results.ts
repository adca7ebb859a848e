import { CATEGORIES, type Category, type Severity, VARIANTS, type Variant } from "../scenarios/schema";
import { categoryPassRates } from "./category-pass-rates";
import { type FindingStatus, runRiskScore } from "./run-risk-score";
import { type ScenarioInstanceResult } from "./scenario-instance-result";
import { toTenths } from "./severity-band";

/** A finding of one run, as a comparison needs it. */
export interface ComparableFinding {
  id: string;
  fingerprint: string;
  scenarioKey: string;
  scenarioVersion: number;
  category: Category;
  severity: Severity;
  title: string;
  riskScore: number;
  status: FindingStatus;
}

/** What a run proved: every scenario instance it planned (with `not_run` ones) and its findings. */
export interface ComparableRun {
  instances: readonly ScenarioInstanceResult[];
  findings: readonly ComparableFinding[];
}

type FindingSide = { findingId: string; riskScore: number; status: FindingStatus };

export interface ComparedFindingResult {
  fingerprint: string;
  scenarioKey: string;
  scenarioVersion: number;
  category: Category;
  severity: Severity;
  title: string;
  run: FindingSide | null;
  base: FindingSide | null;
}

/**
 * Why a base failure is not known to be fixed: the scenario version was not in the run's plan,
 * a phrasing that failed was not sent (lower intensity), the run never judged it, or the agent
 * call failed (inconclusive proves nothing).
 */
export type NotRetestedReason = "not_planned" | "phrasing_not_sent" | "not_run" | "inconclusive";

export interface RunResultsComparison {
  riskScore: { run: number; base: number; delta: number };
  findings: {
    new: ComparedFindingResult[];
    fixed: ComparedFindingResult[];
    stillFailing: ComparedFindingResult[];
    notRetested: (ComparedFindingResult & { reason: NotRetestedReason })[];
  };
  categories: { category: Category; run: number | null; base: number | null; delta: number | null }[];
}

/**
 * Compares a run with a base run of the same project. Findings match by fingerprint (a scenario
 * version in a project). A base finding absent from the run is `fixed` only when the run sent
 * every phrasing that failed in the base run and each of them passed; "absent" alone could mean
 * the run never got there. Lists are ordered by risk score, then fingerprint; deltas are exact
 * (risk scores in tenths, pass rates in ten-thousandths).
 */
export function compareRunResults(run: ComparableRun, base: ComparableRun): RunResultsComparison {
  const inRun = new Map(run.findings.map((finding) => [finding.fingerprint, finding]));
  const inBase = new Map(base.findings.map((finding) => [finding.fingerprint, finding]));
  const findings: RunResultsComparison["findings"] = { new: [], fixed: [], stillFailing: [], notRetested: [] };

  for (const finding of run.findings) {
    const before = inBase.get(finding.fingerprint);
    (before ? findings.stillFailing : findings.new).push(compared(finding, finding, before ?? null));
  }
  for (const finding of base.findings) {
    if (inRun.has(finding.fingerprint)) continue;
    const retest = retestOutcome(finding, run.instances, base.instances);
    if (retest === "passed") findings.fixed.push(compared(finding, null, finding));
    // The instance failed but its finding was never written (a worker died in between).
    else if (retest === "failed") findings.stillFailing.push(compared(finding, null, finding));
    else findings.notRetested.push({ ...compared(finding, null, finding), reason: retest });
  }
  for (const list of Object.values(findings)) list.sort(byRisk);

  const runScore = runRiskScore(run.findings);
  const baseScore = runRiskScore(base.findings);
  return {
    riskScore: { run: runScore, base: baseScore, delta: (toTenths(runScore) - toTenths(baseScore)) / 10 },
    findings,
    categories: categoryDeltas(run.instances, base.instances),
  };
}

function compared(finding: ComparableFinding, inRun: ComparableFinding | null, inBase: ComparableFinding | null): ComparedFindingResult {
  const side = (f: ComparableFinding | null): FindingSide | null => (f ? { findingId: f.id, riskScore: f.riskScore, status: f.status } : null);
  const { fingerprint, scenarioKey, scenarioVersion, category, severity, title } = finding;
  return { fingerprint, scenarioKey, scenarioVersion, category, severity, title, run: side(inRun), base: side(inBase) };
}

/** How the run did on the phrasings that failed in the base run (every planned one if the base does not say). */
function retestOutcome(finding: ComparableFinding, runInstances: readonly ScenarioInstanceResult[], baseInstances: readonly ScenarioInstanceResult[]): "passed" | "failed" | NotRetestedReason {
  const sameScenario = (instance: ScenarioInstanceResult) => instance.scenarioKey === finding.scenarioKey && instance.scenarioVersion === finding.scenarioVersion;
  const retested = runInstances.filter(sameScenario);
  if (retested.length === 0) return "not_planned";
  const failedBefore = new Set<Variant>(baseInstances.filter((instance) => sameScenario(instance) && instance.verdict === "fail").map((instance) => instance.variant));
  const variants = failedBefore.size > 0 ? VARIANTS.filter((variant) => failedBefore.has(variant)) : retested.map((instance) => instance.variant);
  const outcomes = variants.map((variant) => {
    const verdict = retested.find((instance) => instance.variant === variant)?.verdict;
    return verdict === undefined ? "phrasing_not_sent" : verdict === "pass" ? "passed" : verdict === "fail" ? "failed" : verdict;
  });
  if (outcomes.includes("failed")) return "failed";
  return outcomes.find((outcome) => outcome !== "passed") ?? "passed";
}

function categoryDeltas(runInstances: readonly ScenarioInstanceResult[], baseInstances: readonly ScenarioInstanceResult[]): RunResultsComparison["categories"] {
  const runRates = new Map(categoryPassRates(runInstances).map((row) => [row.category, row.passRate]));
  const baseRates = new Map(categoryPassRates(baseInstances).map((row) => [row.category, row.passRate]));
  return CATEGORIES.filter((category) => runRates.has(category) || baseRates.has(category)).map((category) => {
    const runRate = runRates.get(category) ?? null;
    const baseRate = baseRates.get(category) ?? null;
    const delta = runRate === null || baseRate === null ? null : (Math.round(runRate * 10_000) - Math.round(baseRate * 10_000)) / 10_000;
    return { category, run: runRate, base: baseRate, delta };
  });
}

function byRisk(a: ComparedFindingResult, b: ComparedFindingResult): number {
  const score = (finding: ComparedFindingResult) => toTenths((finding.run ?? finding.base)!.riskScore);
  return score(b) - score(a) || (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0);
}
