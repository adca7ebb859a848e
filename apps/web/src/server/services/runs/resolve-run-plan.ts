import "server-only";
import { AppError, type CreateRunInput } from "@bulwark/contracts";
import { type PlannedAttack, type Scenario, selectScenarios } from "@bulwark/redteam";
import type { ServiceContext } from "@/server/auth/principal";
import { loadScenarioCatalog } from "@/server/services/scenarios/load-scenario-catalog";

/** What a run will send, fixed at creation: its attacks and the number of turns (and judged turns) they hold. */
export async function resolveRunPlan(ctx: Pick<ServiceContext, "orgId">, input: CreateRunInput): Promise<{ items: PlannedAttack[]; turnsTotal: number; judgedTurns: number }> {
  const catalog = await loadScenarioCatalog(ctx.orgId);
  const selected = selectScenarios({ scenarioKeys: input.scenarioKeys, categories: input.categories }, input.intensity, catalog);
  if (!selected.ok) {
    const { error } = selected;
    throw new AppError("validation_failed", error.message, {
      details: { in: "body", fields: [{ path: "scenarioKeys", code: error.code, message: error.message }], ...(error.code === "unknown_scenarios" ? { keys: error.keys } : {}) },
    });
  }
  const byKey = new Map<string, Scenario>(catalog.map((scenario) => [`${scenario.key}@${scenario.version}`, scenario]));
  const turnsTotal = selected.plan.reduce((sum, item) => sum + byKey.get(`${item.scenarioKey}@${item.version}`)!.turns.length, 0);
  const judgedTurns = selected.plan.reduce((sum, item) => sum + byKey.get(`${item.scenarioKey}@${item.version}`)!.turns.filter((turn) => turn.judge).length, 0);
  return { items: selected.plan, turnsTotal, judgedTurns };
}
