import type { ScenarioSummary } from "@bulwark/contracts";
import { type Scenario, VARIANTS } from "@bulwark/redteam";

export function toScenarioSummary(scenario: Scenario, builtIn: boolean): ScenarioSummary {
  return {
    key: scenario.key,
    version: scenario.version,
    category: scenario.category,
    title: scenario.title,
    severity: scenario.severity,
    description: scenario.description,
    // The schema requires every phrasing of every turn, so each scenario offers all of them.
    variants: [...VARIANTS],
    turnCount: scenario.turns.length,
    detectors: [...new Set(scenario.detectors.map((detector) => detector.type))],
    mappings: scenario.mappings,
    remediation: scenario.remediation,
    builtIn,
  };
}
