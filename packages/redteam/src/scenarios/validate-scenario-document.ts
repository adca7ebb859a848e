import { scenarioIssues, type ScenarioIssue } from "./scenario-issues";
import { Scenario } from "./schema";

/** `parsed` is set when only the checks after the schema failed. */
export type ScenarioDocumentValidation = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[]; parsed?: Scenario };

function formatPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? "(root)" : path.map(String).join(".");
}

/**
 * A scenario document checked against the schema, then for what the schema cannot express
 * (templates match the setup, a judged last turn, patterns the judge would dare to run). Pure
 * and free of the built-in catalog, so the dashboard's editor runs the server's own rules as the
 * author types (entry `@bulwark/redteam/scenario-validation`). Never throws.
 */
export function validateScenarioDocument(input: unknown): ScenarioDocumentValidation {
  const parsed = Scenario.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })) };
  }
  const issues = scenarioIssues(parsed.data);
  return issues.length > 0 ? { ok: false, issues, parsed: parsed.data } : { ok: true, scenario: parsed.data };
}

export type { ScenarioIssue };
