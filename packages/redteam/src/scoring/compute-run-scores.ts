import { categoryPassRates, type CategoryPassRate } from "./category-pass-rates";
import { frameworkCompliance, type FrameworkCompliance } from "./framework-compliance";
import { runRiskScore, type ScoredFinding } from "./run-risk-score";
import { type ScenarioInstanceResult } from "./scenario-instance-result";
import { severityBand, type SeverityBand } from "./severity-band";
import { tallyVerdicts, type VerdictTally } from "./verdict-tally";

/** What a run's `scores` column and every report carry. */
export interface RunScores {
  riskScore: number;
  band: SeverityBand;
  overall: VerdictTally;
  categories: CategoryPassRate[];
  compliance: FrameworkCompliance[];
}

/** All of a run's scores at once, from its scenario instances and its findings. */
export function computeRunScores(instances: readonly ScenarioInstanceResult[], findings: readonly ScoredFinding[]): RunScores {
  const riskScore = runRiskScore(findings);
  return {
    riskScore,
    band: severityBand(riskScore),
    overall: tallyVerdicts(instances.map((instance) => instance.verdict)),
    categories: categoryPassRates(instances),
    compliance: frameworkCompliance(instances),
  };
}
