import "server-only";
import type { RunCategory, ScenarioSummary } from "@bulwark/contracts";
import { builtInScenarios, CATEGORIES } from "@bulwark/redteam";
import type { ServiceContext } from "@/server/auth/principal";
import { loadLatestCustomScenarios } from "./load-latest-custom-scenarios";
import { toScenarioSummary } from "./to-scenario-summary";

/**
 * The catalog a run can select from: built-ins and the org's active custom scenarios (latest
 * version), by category then key. Unpaginated: custom scenarios are capped per org.
 */
export async function listScenarios(ctx: ServiceContext, { category }: { category?: RunCategory }): Promise<{ data: ScenarioSummary[] }> {
  const custom = await loadLatestCustomScenarios(ctx.orgId);
  const all = [
    ...builtInScenarios().map((scenario) => toScenarioSummary(scenario, true)),
    ...custom.map(({ scenario }) => toScenarioSummary(scenario, false)),
  ];
  const data = all
    .filter((scenario) => !category || scenario.category === category)
    .sort((a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { data };
}
