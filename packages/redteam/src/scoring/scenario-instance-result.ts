import { type Category, type Severity, type Variant } from "../scenarios/schema";
import { type VerdictValue } from "../verdicts/types";

/** `not_run`: planned but never judged (the run stopped first). It counts nowhere but its own column. */
export type InstanceVerdict = VerdictValue | "not_run";

export interface FrameworkMappings {
  owaspLlm: string[];
  owaspAgentic: string[];
  atlas: string[];
}

/** One scenario in one phrasing, as judged in a run: what pass rates and compliance count. */
export interface ScenarioInstanceResult {
  scenarioKey: string;
  scenarioVersion: number;
  title: string;
  category: Category;
  severity: Severity;
  variant: Variant;
  verdict: InstanceVerdict;
  /** The deciding detector and its confidence (from `judgeScenario`); null when not run. */
  detector: string | null;
  confidence: number | null;
  /** One sentence, redacted; agent-derived, so renderers escape it. */
  reason: string | null;
  turnsJudged: number;
  mappings: FrameworkMappings;
  /** The finding this instance raised, if it failed. */
  findingFingerprint: string | null;
}
