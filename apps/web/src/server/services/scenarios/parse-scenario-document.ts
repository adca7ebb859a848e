import "server-only";
import { type InvalidField, invalidInput } from "@bulwark/contracts";
import { type Scenario, validateCustomScenario } from "@bulwark/redteam";

/**
 * A submitted document as a custom scenario, or a 422 listing every problem at its path in the
 * document (`turns.0.phrasings.direct`, `detectors.1.patterns.0`), the caller's own checks
 * (`known`) first, so an author fixes them all in one round. The same check refuses detector
 * patterns the judge would not dare to run.
 */
export function parseScenarioDocument(document: unknown, known: InvalidField[] = []): Scenario {
  const result = validateCustomScenario(document);
  const fields = [...known, ...(result.ok ? [] : result.issues.map((issue) => ({ path: issue.path, code: "invalid_scenario", message: issue.message })))];
  if (!result.ok || fields.length > 0) throw invalidInput("body", fields);
  return result.scenario;
}
