// Scoring: risk scores and bands, pass rates and framework compliance. Pure, exact at band edges.
export { findingRiskScore, SEVERITY_BASE_TENTHS, type FindingRiskInput } from "./finding-risk-score";
export { runRiskScore, type FindingStatus, type ScoredFinding } from "./run-risk-score";
export { severityBand, toTenths, SEVERITY_BANDS, type SeverityBand } from "./severity-band";
export { tallyVerdicts, type VerdictTally } from "./verdict-tally";
export { categoryPassRates, type CategoryPassRate } from "./category-pass-rates";
export { frameworkCompliance, FRAMEWORKS, type ControlCompliance, type FrameworkCompliance, type FrameworkKey } from "./framework-compliance";
export { computeRunScores, type RunScores } from "./compute-run-scores";
export {
  compareRunResults,
  type ComparableFinding,
  type ComparableRun,
  type ComparedFindingResult,
  type NotRetestedReason,
  type RunResultsComparison,
} from "./compare-run-results";
export { scenarioInstanceResult, type FrameworkMappings, type InstanceVerdict, type ScenarioInstanceResult } from "./scenario-instance-result";
