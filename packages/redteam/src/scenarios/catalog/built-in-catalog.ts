import { z } from "zod";
import { CATEGORIES, Scenario, type ScenarioInput } from "../schema";
import { scenarioIssues } from "../scenario-issues";
import { dataExfiltrationScenarios } from "./data-exfiltration";
import { memoryPoisoningScenarios } from "./memory-poisoning";
import { privilegeEscalationScenarios } from "./privilege-escalation";
import { promptInjectionScenarios } from "./prompt-injection";
import { secretLeakageScenarios } from "./secret-leakage";
import { socialEngineeringScenarios } from "./social-engineering";
import { systemPromptLeakageScenarios } from "./system-prompt-leakage";

const AUTHORED: readonly ScenarioInput[] = [
  ...secretLeakageScenarios,
  ...privilegeEscalationScenarios,
  ...socialEngineeringScenarios,
  ...memoryPoisoningScenarios,
  ...dataExfiltrationScenarios,
  ...promptInjectionScenarios,
  ...systemPromptLeakageScenarios,
];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function parseBuiltIn(input: ScenarioInput): Scenario {
  const parsed = Scenario.safeParse(input);
  if (!parsed.success) throw new Error(`Built-in scenario ${input.key} is invalid:\n${z.prettifyError(parsed.error)}`);
  const issues = scenarioIssues(parsed.data);
  if (issues.length > 0) {
    throw new Error(`Built-in scenario ${input.key} is invalid:\n${issues.map((issue) => `  ${issue.path}: ${issue.message}`).join("\n")}`);
  }
  return parsed.data;
}

/**
 * Parsed once, when the module loads: a malformed built-in fails the process (and every test)
 * immediately instead of surfacing as a broken run. Frozen, because every run shares these objects.
 */
function loadCatalog(): readonly Scenario[] {
  const scenarios = AUTHORED.map(parseBuiltIn);
  const seen = new Set<string>();
  for (const { key } of scenarios) {
    if (seen.has(key)) throw new Error(`Built-in scenario key ${key} is used twice`);
    seen.add(key);
  }
  const order = (scenario: Scenario) => CATEGORIES.indexOf(scenario.category);
  return deepFreeze([...scenarios].sort((a, b) => order(a) - order(b)));
}

export const BUILT_IN_CATALOG: readonly Scenario[] = loadCatalog();
