import { type Category, type PlannedAttack, type ReportScenario, type Scenario, type ScenarioInstanceResult, scenarioRef, VARIANTS, type Variant } from "@bulwark/redteam";

export interface ReportScope {
  categories: Category[];
  scenarios: ReportScenario[];
  /** `key@version` of planned scenarios that are no longer in the catalog. */
  missing: string[];
}

/**
 * What the run set out to test: every scenario version of its plan, with the phrasings planned
 * for it. Descriptions and remediation come from the catalog; a scenario no longer there (an
 * archived custom one) is described from what the run stored about it, and named in `missing`.
 */
export function reportScope(attacks: readonly PlannedAttack[], instances: readonly ScenarioInstanceResult[], scenarios: ReadonlyMap<string, Scenario>): ReportScope {
  const planned = new Map<string, Set<Variant>>();
  const plan = (ref: string, variant: Variant) => planned.set(ref, (planned.get(ref) ?? new Set<Variant>()).add(variant));
  for (const attack of attacks) plan(scenarioRef(attack.scenarioKey, attack.version), attack.variant);
  for (const instance of instances) plan(scenarioRef(instance.scenarioKey, instance.scenarioVersion), instance.variant);

  const result: ReportScope = { categories: [], scenarios: [], missing: [] };
  for (const [ref, variantSet] of planned) {
    const variants = VARIANTS.filter((variant) => variantSet.has(variant));
    const scenario = scenarios.get(ref);
    if (scenario) {
      const { key, version, title, category, severity, description, mappings, remediation } = scenario;
      result.scenarios.push({ key, version, title, category, severity, description, variants, mappings, remediation });
      continue;
    }
    result.missing.push(ref);
    const known = instances.find((instance) => scenarioRef(instance.scenarioKey, instance.scenarioVersion) === ref);
    if (!known) continue;
    result.scenarios.push({
      key: known.scenarioKey,
      version: known.scenarioVersion,
      title: known.title,
      category: known.category,
      severity: known.severity,
      description: "No longer in the catalog.",
      variants,
      mappings: known.mappings,
      remediation: { summary: "No longer in the catalog: see the finding's remediation, if any.", steps: [], references: [] },
    });
  }
  result.categories = [...new Set(result.scenarios.map((scenario) => scenario.category))];
  return result;
}
