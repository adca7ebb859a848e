import { CATEGORIES, INTENSITY_VARIANTS, VARIANTS, type Category, type Intensity, type Scenario, type Variant } from "./schema";

export interface ScenarioSelection {
  scenarioKeys?: readonly string[];
  categories?: readonly Category[];
}

/** One attack of a run: a scenario version sent in one phrasing. */
export interface PlannedAttack {
  scenarioKey: string;
  version: number;
  variant: Variant;
}

export type SelectionError =
  | { code: "unknown_scenarios"; message: string; keys: string[] }
  | { code: "empty_selection"; message: string };

export type ScenarioPlan = { ok: true; plan: PlannedAttack[] } | { ok: false; error: SelectionError };

/** Highest version per key: a catalog may hold every stored version of a custom scenario. */
function latestByKey(catalog: readonly Scenario[]): Map<string, Scenario> {
  const latest = new Map<string, Scenario>();
  for (const scenario of catalog) {
    const current = latest.get(scenario.key);
    if (!current || scenario.version > current.version) latest.set(scenario.key, scenario);
  }
  return latest;
}

function compareScenarios(a: Scenario, b: Scenario): number {
  const byCategory = CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category);
  if (byCategory !== 0) return byCategory;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * The run plan: every selected scenario × every variant the intensity sends, ordered by category
 * (CATEGORIES order), key, then variant (VARIANTS order), so the same inputs always plan the same
 * run. A scenario is selected when its key is listed or its category is; with neither filter (absent
 * or empty) the whole catalog is. Unknown keys are an error value, never a throw: they come from API
 * input.
 */
export function selectScenarios(selection: ScenarioSelection, intensity: Intensity, catalog: readonly Scenario[]): ScenarioPlan {
  const latest = latestByKey(catalog);
  const keys = [...new Set(selection.scenarioKeys ?? [])];
  const categories = new Set(selection.categories ?? []);

  const unknown = keys.filter((key) => !latest.has(key));
  if (unknown.length > 0) {
    return { ok: false, error: { code: "unknown_scenarios", message: `Unknown scenario keys: ${unknown.join(", ")}`, keys: unknown } };
  }

  const wanted = new Set(keys);
  const everything = wanted.size === 0 && categories.size === 0;
  const selected = [...latest.values()]
    .filter((scenario) => everything || wanted.has(scenario.key) || categories.has(scenario.category))
    .sort(compareScenarios);
  if (selected.length === 0) return { ok: false, error: { code: "empty_selection", message: "The selection matches no scenario" } };

  const variants = VARIANTS.filter((variant) => INTENSITY_VARIANTS[intensity].includes(variant));
  return {
    ok: true,
    plan: selected.flatMap((scenario) => variants.map((variant) => ({ scenarioKey: scenario.key, version: scenario.version, variant }))),
  };
}
