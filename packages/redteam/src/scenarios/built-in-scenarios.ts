import { BUILT_IN_CATALOG } from "./catalog/built-in-catalog";
import type { Scenario } from "./schema";

const BY_KEY: ReadonlyMap<string, Scenario> = new Map(BUILT_IN_CATALOG.map((scenario) => [scenario.key, scenario]));

/** The built-in catalog, grouped by category in `CATEGORIES` order. Frozen: never mutate. */
export function builtInScenarios(): readonly Scenario[] {
  return BUILT_IN_CATALOG;
}

export function getBuiltInScenario(key: string): Scenario | undefined {
  return BY_KEY.get(key);
}
