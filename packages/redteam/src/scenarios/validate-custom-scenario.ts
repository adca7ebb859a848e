import { getBuiltInScenario } from "./built-in-scenarios";
import type { ScenarioIssue } from "./scenario-issues";
import type { Scenario } from "./schema";
import { validateScenarioDocument } from "./validate-scenario-document";

export type CustomScenarioValidation = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/**
 * Validates a scenario an organization submits: the document's own rules (see
 * validateScenarioDocument), and a key that does not shadow a built-in. Never throws; every
 * problem is reported with its path.
 */
export function validateCustomScenario(input: unknown): CustomScenarioValidation {
  const result = validateScenarioDocument(input);
  const scenario = result.ok ? result.scenario : result.parsed;
  // A custom key equal to a built-in one would merge their findings (same fingerprint).
  if (!scenario || !getBuiltInScenario(scenario.key)) return result.ok ? result : { ok: false, issues: result.issues };
  const shadow = { path: "key", message: `"${scenario.key}" is a built-in scenario key; choose another slug` };
  return { ok: false, issues: [shadow, ...(result.ok ? [] : result.issues)] };
}
