import { scenarioFingerprint } from "../scenarios/scenario-fingerprint";
import { type Category, type Scenario, type Severity, type Variant } from "../scenarios/schema";
import { type ScenarioVerdict } from "../verdicts/judge-scenario";
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

/**
 * One planned attack as judged (`verdict` from `judgeScenario`, null when it never finished):
 * the worker stores these in `runs.scores`, and a report recomputes them the same way for a run
 * that never got there.
 */
export function scenarioInstanceResult(
  scenario: Scenario,
  variant: Variant,
  verdict: Pick<ScenarioVerdict, "verdict" | "detector" | "confidence" | "reason"> | null,
  projectId: string,
): ScenarioInstanceResult {
  return {
    scenarioKey: scenario.key,
    scenarioVersion: scenario.version,
    title: scenario.title,
    category: scenario.category,
    severity: scenario.severity,
    variant,
    verdict: verdict?.verdict ?? "not_run",
    detector: verdict?.detector ?? null,
    confidence: verdict?.confidence ?? null,
    reason: verdict?.reason ?? null,
    turnsJudged: verdict ? scenario.turns.filter((turn) => turn.judge).length : 0,
    mappings: scenario.mappings,
    findingFingerprint: verdict?.verdict === "fail" ? scenarioFingerprint(scenario.key, scenario.version, projectId) : null,
  };
}
