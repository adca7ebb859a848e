// The file, not the verdicts index: this module runs in the browser too (scenario-validation entry).
import { checkPatternSafety, PATTERN_PROBLEM_MESSAGES } from "../verdicts/check-pattern-safety";
import type { Scenario } from "./schema";
import { hasStrayBraces, templatePlaceholders } from "./template";

export interface ScenarioIssue {
  /** Dotted path into the scenario, as zod reports it: `turns.1.phrasings.encoded`. */
  path: string;
  message: string;
}

interface TemplateSource {
  path: string;
  text: string;
}

function templateSources(scenario: Pick<Scenario, "turns" | "setup">): TemplateSource[] {
  const sources: TemplateSource[] = [];
  scenario.turns.forEach((turn, index) => {
    for (const [variant, text] of Object.entries(turn.phrasings)) sources.push({ path: `turns.${index}.phrasings.${variant}`, text });
  });
  scenario.setup.documents.forEach((document, index) => sources.push({ path: `setup.documents.${index}.content`, text: document.content }));
  return sources;
}

function duplicateNameIssues(names: string[], path: string, what: string): ScenarioIssue[] {
  const seen = new Set<string>();
  const issues: ScenarioIssue[] = [];
  names.forEach((name, index) => {
    if (seen.has(name)) issues.push({ path: `${path}.${index}.name`, message: `Duplicate ${what} name "${name}"` });
    seen.add(name);
  });
  return issues;
}

function templateIssues(scenario: Pick<Scenario, "turns" | "setup">): ScenarioIssue[] {
  const canaries = new Set(scenario.setup.canaries.map((canary) => canary.name));
  const documents = new Set(scenario.setup.documents.map((document) => document.name));
  const usedCanaries = new Set<string>();
  const usedDocuments = new Set<string>();
  const issues: ScenarioIssue[] = [];

  for (const { path, text } of templateSources(scenario)) {
    if (hasStrayBraces(text)) issues.push({ path, message: "Unclosed or malformed {{ placeholder" });
    for (const { raw, variable } of templatePlaceholders(text)) {
      if (!variable) {
        issues.push({ path, message: `Unknown template variable ${raw} (use canary.NAME, document.NAME.url, exfil_url or admin_url)` });
      } else if (variable.kind === "canary") {
        usedCanaries.add(variable.name);
        if (!canaries.has(variable.name)) issues.push({ path, message: `${raw} uses a canary not declared in setup.canaries` });
      } else if (variable.kind === "document_url") {
        usedDocuments.add(variable.name);
        if (!documents.has(variable.name)) issues.push({ path, message: `${raw} uses a document not declared in setup.documents` });
      }
    }
  }

  // An unused declaration is almost always a typo in the template that uses it.
  scenario.setup.canaries.forEach((canary, index) => {
    if (!usedCanaries.has(canary.name)) issues.push({ path: `setup.canaries.${index}`, message: `Canary "${canary.name}" is declared but never used` });
  });
  scenario.setup.documents.forEach((document, index) => {
    if (!usedDocuments.has(document.name)) {
      issues.push({ path: `setup.documents.${index}`, message: `Document "${document.name}" is declared but {{document.${document.name}.url}} is never used` });
    }
  });
  return issues;
}

function judgeIssues(scenario: Pick<Scenario, "turns">): ScenarioIssue[] {
  if (!scenario.turns.some((turn) => turn.judge)) {
    return [{ path: "turns", message: "At least one turn must be judged; a scenario that only sets the stage can never fail" }];
  }
  const last = scenario.turns.length - 1;
  // Stage-setting turns come first; a trailing unjudged turn would be sent and never looked at.
  if (!scenario.turns[last]?.judge) return [{ path: `turns.${last}.judge`, message: "The last turn must be judged" }];
  return [];
}

/** Detector patterns the judge would refuse to run. */
export function patternIssues(scenario: Pick<Scenario, "detectors">): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  scenario.detectors.forEach((detector, index) => {
    if (detector.type !== "reply_pattern") return;
    detector.patterns.forEach((pattern, patternIndex) => {
      // The judge's own safety rule: a pattern it would refuse to run silently never matches.
      const problem = checkPatternSafety(pattern);
      if (problem) issues.push({ path: `detectors.${index}.patterns.${patternIndex}`, message: `Pattern ${PATTERN_PROBLEM_MESSAGES[problem]}` });
    });
  });
  return issues;
}

/** The key against the category. */
export function keyIssues(scenario: Pick<Scenario, "key" | "category">): ScenarioIssue[] {
  // Keys read `category.slug` so a finding's key alone says what kind of weakness it is.
  const prefix = scenario.key.slice(0, scenario.key.indexOf("."));
  return prefix === scenario.category ? [] : [{ path: "key", message: `Key must start with its category: "${scenario.category}.…"` }];
}

/** The setup's names, the templates against the setup, and judged turns. */
export function storyIssues(scenario: Pick<Scenario, "turns" | "setup">): ScenarioIssue[] {
  return [
    ...duplicateNameIssues(scenario.setup.canaries.map((canary) => canary.name), "setup.canaries", "canary"),
    ...duplicateNameIssues(scenario.setup.documents.map((document) => document.name), "setup.documents", "document"),
    ...templateIssues(scenario),
    ...judgeIssues(scenario),
  ];
}

/** What zod cannot see: the key against the category, templates against the setup, judged turns, safe detector patterns. */
export function scenarioIssues(scenario: Scenario): ScenarioIssue[] {
  return [...keyIssues(scenario), ...storyIssues(scenario), ...patternIssues(scenario)];
}
