import { CATEGORIES, VARIANTS } from "../scenarios/schema";
import { computeRunScores } from "../scoring/compute-run-scores";
import { type ScenarioInstanceResult } from "../scoring/scenario-instance-result";
import { type ReportFinding, type RunReport } from "./run-report";

export type RunReportFacts = Omit<RunReport, "schemaVersion" | "scores" | "inconclusiveCount">;

/**
 * A report model from a run's facts: scores and counts derived here (never passed in, so they
 * cannot disagree with the instances and findings), and every list in a fixed order so the same
 * run always renders byte for byte the same: findings by risk score then fingerprint, instances
 * and scope by category (catalog order), key and phrasing.
 */
export function buildRunReport(facts: RunReportFacts): RunReport {
  const instances = [...facts.instances].sort(compareInstances);
  const findings = [...facts.findings].sort(compareFindings);
  return {
    schemaVersion: 1,
    ...facts,
    scope: {
      categories: CATEGORIES.filter((category) => facts.scope.categories.includes(category)),
      scenarios: [...facts.scope.scenarios].sort((a, b) => categoryRank(a.category) - categoryRank(b.category) || compareText(a.key, b.key)),
    },
    scores: computeRunScores(instances, findings),
    instances,
    findings,
    inconclusiveCount: instances.filter((instance) => instance.verdict === "inconclusive").length,
  };
}

function compareInstances(a: ScenarioInstanceResult, b: ScenarioInstanceResult): number {
  return categoryRank(a.category) - categoryRank(b.category) || compareText(a.scenarioKey, b.scenarioKey) || VARIANTS.indexOf(a.variant) - VARIANTS.indexOf(b.variant);
}

function compareFindings(a: ReportFinding, b: ReportFinding): number {
  return b.riskScore - a.riskScore || compareText(a.fingerprint, b.fingerprint);
}

function categoryRank(category: string): number {
  const rank = CATEGORIES.indexOf(category as (typeof CATEGORIES)[number]);
  return rank === -1 ? CATEGORIES.length : rank;
}

/** Code-unit order, not locale order: the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
