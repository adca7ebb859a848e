import "server-only";
import { conflict, type InvalidField, MAX_CUSTOM_SCENARIOS, type ScenarioDetail, type ScenarioDocument } from "@bulwark/contracts";
import { newId, type Prisma } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import { inTransaction, type Tx } from "@/server/db/transaction";
import { recordAudit } from "@/server/services/audit/record-audit";
import { lockOrgScenarios } from "./lock-org-scenarios";
import { parseScenarioDocument } from "./parse-scenario-document";

/**
 * Adds a custom scenario as version 1. A key is never reused, not even after it was archived:
 * a finding's fingerprint is (project, key, version), so a new scenario under an old key would
 * inherit the old one's findings and false-positive marks.
 */
export async function createScenario(ctx: ServiceContext, document: ScenarioDocument, { tx }: { tx?: Tx } = {}): Promise<ScenarioDetail> {
  const known: InvalidField[] =
    document.version === undefined || document.version === 1
      ? []
      : [{ path: "version", code: "invalid_version", message: "a new scenario is version 1; leave it out" }];
  const scenario = parseScenarioDocument({ ...document, version: 1 }, known);
  return inTransaction(tx, async (tx) => {
    await lockOrgScenarios(tx, ctx.orgId);
    const used = await tx.customScenario.findFirst({ where: { orgId: ctx.orgId, scenarioKey: scenario.key }, select: { archivedAt: true } });
    if (used) {
      throw conflict(
        used.archivedAt
          ? `"${scenario.key}" belonged to an archived scenario; keys are never reused, choose another slug.`
          : `"${scenario.key}" already exists; PUT /api/v1/scenarios/${scenario.key} stores a new version.`,
        { reason: "scenario_key_taken" },
      );
    }
    const [count] = await tx.$queryRaw<{ active: bigint }[]>`
      SELECT count(DISTINCT scenario_key) AS active FROM custom_scenarios WHERE org_id = ${ctx.orgId} AND archived_at IS NULL`;
    if (Number(count!.active) >= MAX_CUSTOM_SCENARIOS) {
      throw conflict(`The organization already has ${MAX_CUSTOM_SCENARIOS} active custom scenarios; archive one first.`, { reason: "scenario_limit", limit: MAX_CUSTOM_SCENARIOS });
    }
    const row = await tx.customScenario.create({
      data: { id: newId("scenario"), orgId: ctx.orgId, scenarioKey: scenario.key, version: 1, definition: scenario as Prisma.InputJsonValue, createdById: ctx.actor.userId },
    });
    // `scenario`, not `key`: the audit preview redacts members whose name contains "key".
    await recordAudit(tx, ctx, "scenario.create", { type: "scenario", id: scenario.key }, { scenario: scenario.key, version: 1, title: scenario.title });
    return { builtIn: false, createdAt: row.createdAt.toISOString(), document: scenario };
  });
}
