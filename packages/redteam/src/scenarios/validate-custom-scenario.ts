import { getBuiltInScenario } from "./built-in-scenarios";
import { scenarioIssues, type ScenarioIssue } from "./scenario-issues";
import { Scenario } from "./schema";

export type CustomScenarioValidation = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

function formatPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? "(root)" : path.map(String).join(".");
}

/**
 * Validates a scenario an organization submits: the zod contract first, then what the contract
 * cannot express (templates match the setup, a judged last turn, compilable patterns, a key that
 * does not shadow a built-in). Never throws; every problem is reported with its path.
 */
export function validateCustomScenario(input: unknown): CustomScenarioValidation {
  const parsed = Scenario.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })) };
  }
  const issues = scenarioIssues(parsed.data);
  // A custom key equal to a built-in one would merge their findings (same fingerprint).
  if (getBuiltInScenario(parsed.data.key)) issues.unshift({ path: "key", message: `"${parsed.data.key}" is a built-in scenario key; choose another slug` });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, scenario: parsed.data };
}
