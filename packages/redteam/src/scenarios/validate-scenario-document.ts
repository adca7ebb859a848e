import { keyIssues, patternIssues, scenarioIssues, type ScenarioIssue, storyIssues } from "./scenario-issues";
import { Scenario } from "./schema";

/** `parsed` is set when only the checks after the schema failed. */
export type ScenarioDocumentValidation = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[]; parsed?: Scenario };

const KeyPart = Scenario.pick({ key: true, category: true });
const StoryPart = Scenario.pick({ setup: true, turns: true });
const DetectorsPart = Scenario.pick({ detectors: true });

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
    const issues = parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
    // The parts that do parse get their further checks too, so an author sees every problem in
    // one round (and the editor shows a bad pattern while other fields are still empty).
    const fields: Record<string, unknown> = input !== null && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
    const key = KeyPart.safeParse({ key: fields.key, category: fields.category });
    const story = StoryPart.safeParse({ setup: fields.setup, turns: fields.turns });
    const detectors = DetectorsPart.safeParse({ detectors: fields.detectors });
    if (key.success) issues.push(...keyIssues(key.data));
    if (story.success) issues.push(...storyIssues(story.data));
    if (detectors.success) issues.push(...patternIssues(detectors.data));
    return { ok: false, issues };
  }
  const issues = scenarioIssues(parsed.data);
  return issues.length > 0 ? { ok: false, issues, parsed: parsed.data } : { ok: true, scenario: parsed.data };
}

export type { ScenarioIssue };
