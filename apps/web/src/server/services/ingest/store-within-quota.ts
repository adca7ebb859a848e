import "server-only";
import { pool } from "@bulwark/db";
import { storedBytesLimit } from "@/server/services/quotas/effective-limits";
import { ORG_QUOTA_LOCK_SQL } from "@/server/services/quotas/lock-org-quota";
import type { PreparedEvent, Rejection } from "./prepare-events";
import { type Stored, storeEvents } from "./store-events";

/**
 * Stores a batch within the org's stored_bytes limit; the store statement records what it
 * stored (the ledger's STORED_BYTES, and the rollup whose running total is "used", hold exactly
 * the size_bytes of the rows written). With a limit, the org's storage lock is held from the
 * count to the commit, so concurrent batches cannot together overshoot it; items are admitted
 * in batch order while they fit (a duplicate counts against the room it would have taken, so
 * the check errs on the safe side) and the rest are rejected as `quota_exceeded`. Unlimited
 * orgs take no lock and no transaction: the one statement is enough.
 */
export async function storeWithinQuota(scope: { orgId: string; projectId: string }, events: PreparedEvent[], now = new Date()): Promise<{ stored: Stored[]; rejected: Rejection[] }> {
  if (events.length === 0) return { stored: [], rejected: [] };
  const limit = await storedBytesLimit(scope.orgId);
  if (limit === null) return storeEvents(scope, events, { at: now });
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(ORG_QUOTA_LOCK_SQL, [`quota:storage:${scope.orgId}`]);
    const { rows } = await client.query<{ total: string | null }>("SELECT sum(stored_bytes)::text AS total FROM usage_daily_rollups WHERE org_id = $1", [scope.orgId]);
    let room = limit - Number(rows[0]?.total ?? 0);
    const admitted: PreparedEvent[] = [];
    const overQuota: Rejection[] = [];
    for (const event of events) {
      if (overQuota.length === 0 && event.sizeBytes <= room) {
        admitted.push(event);
        room -= event.sizeBytes;
      } else {
        overQuota.push({ index: event.index, id: event.clientEventId, code: "quota_exceeded", message: `The organization has reached its stored_bytes limit of ${limit}.` });
      }
    }
    const result = await storeEvents(scope, admitted, { client, at: now });
    await client.query("COMMIT");
    return { stored: result.stored, rejected: [...result.rejected, ...overQuota] };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
