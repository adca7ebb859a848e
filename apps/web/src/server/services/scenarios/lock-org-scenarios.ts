import "server-only";
import type { Tx } from "@/server/db/transaction";

/**
 * Serialises an org's custom-scenario writes until the transaction ends, so the cap, version
 * numbers and archiving hold under concurrency (two creates cannot both take the last slot, a
 * version cannot land after its key was archived). A lock on its own key, not the org row, which
 * every insert of the org's data touches.
 */
export async function lockOrgScenarios(tx: Tx, orgId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('bulwark:scenario'), hashtext(${orgId}))`;
}
