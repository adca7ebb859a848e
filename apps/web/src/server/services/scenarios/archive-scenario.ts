import "server-only";
import { conflict, notFound } from "@bulwark/contracts";
import type { ServiceContext } from "@/server/auth/principal";
import { inTransaction, type Tx } from "@/server/db/transaction";
import { recordAudit } from "@/server/services/audit/record-audit";
import { assertCustomScenarioKey } from "./assert-custom-scenario-key";
import { lockOrgScenarios } from "./lock-org-scenarios";

/**
 * Archives every version of a custom scenario: new runs can no longer select it; past runs and
 * findings keep what they recorded. Refused while a queued or running run plans it, because the
 * worker only loads active scenarios and would fail that run's attack.
 */
export async function archiveScenario(ctx: ServiceContext, key: string, { tx }: { tx?: Tx } = {}): Promise<void> {
  assertCustomScenarioKey(key);
  await inTransaction(tx, async (tx) => {
    await lockOrgScenarios(tx, ctx.orgId);
    const versions = await tx.customScenario.count({ where: { orgId: ctx.orgId, scenarioKey: key, archivedAt: null } });
    if (versions === 0) throw notFound("scenario");
    const [inUse] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM runs
      WHERE org_id = ${ctx.orgId} AND status IN ('QUEUED', 'RUNNING')
        AND plan -> 'attacks' @> ${JSON.stringify([{ scenarioKey: key }])}::jsonb
      LIMIT 1`;
    if (inUse) throw conflict(`Run ${inUse.id} is queued or running with this scenario; archive it once the run ends.`, { reason: "scenario_in_use", runId: inUse.id });
    await tx.customScenario.updateMany({ where: { orgId: ctx.orgId, scenarioKey: key, archivedAt: null }, data: { archivedAt: new Date() } });
    await recordAudit(tx, ctx, "scenario.archive", { type: "scenario", id: key }, { scenario: key, versions });
  });
}
