import "server-only";
import { canonicalJson, conflict, type InvalidField, notFound, type ScenarioDetail, type ScenarioDocument } from "@bulwark/contracts";
import { newId, type Prisma } from "@bulwark/db";
import { Scenario } from "@bulwark/redteam";
import type { ServiceContext } from "@/server/auth/principal";
import { inTransaction, type Tx } from "@/server/db/transaction";
import { recordAudit } from "@/server/services/audit/record-audit";
import { assertCustomScenarioKey } from "./assert-custom-scenario-key";
import { lockOrgScenarios } from "./lock-org-scenarios";
import { parseScenarioDocument } from "./parse-scenario-document";

function sameContent(a: Scenario, b: Scenario): boolean {
  return canonicalJson({ ...a, version: 0 }) === canonicalJson({ ...b, version: 0 });
}

/**
 * Stores the next version of a custom scenario; earlier versions stay, because runs pin the
 * version they planned. `version` in the document, when sent, is the version the edit started
 * from: an edit of anything but the latest is refused (409) instead of silently undoing someone
 * else's. The latest document sent again unchanged stores nothing, so a retried PUT is harmless.
 */
export async function updateScenario(ctx: ServiceContext, key: string, document: ScenarioDocument, { tx }: { tx?: Tx } = {}): Promise<ScenarioDetail> {
  assertCustomScenarioKey(key);
  const { key: sentKey, version: basedOn, ...rest } = document;
  const known: InvalidField[] = [];
  if (sentKey !== undefined && sentKey !== key) known.push({ path: "key", code: "key_mismatch", message: `must be the path's key "${key}", or left out` });
  if (basedOn !== undefined && !(Number.isInteger(basedOn) && (basedOn as number) >= 1)) {
    known.push({ path: "version", code: "invalid_version", message: "must be the version this edit is based on, or left out" });
  }
  return inTransaction(tx, async (tx) => {
    await lockOrgScenarios(tx, ctx.orgId);
    const latest = await tx.customScenario.findFirst({ where: { orgId: ctx.orgId, scenarioKey: key }, orderBy: { version: "desc" } });
    if (!latest || latest.archivedAt) throw notFound("scenario");
    const version = latest.version + 1;
    const scenario = parseScenarioDocument({ ...rest, key, version }, known);

    const current = Scenario.safeParse(latest.definition);
    if (current.success && sameContent(current.data, scenario)) {
      return { builtIn: false, createdAt: latest.createdAt.toISOString(), document: current.data };
    }
    if (basedOn !== undefined && basedOn !== latest.version) {
      throw conflict(`This edit is based on version ${String(basedOn)}, but the latest is ${latest.version}; fetch it and edit again.`, {
        reason: "stale_version",
        latestVersion: latest.version,
      });
    }
    const row = await tx.customScenario.create({
      data: { id: newId("scenario"), orgId: ctx.orgId, scenarioKey: key, version, definition: scenario as Prisma.InputJsonValue, createdById: ctx.actor.userId },
    });
    await recordAudit(tx, ctx, "scenario.version", { type: "scenario", id: key }, { scenario: key, version, title: scenario.title });
    return { builtIn: false, createdAt: row.createdAt.toISOString(), document: scenario };
  });
}
