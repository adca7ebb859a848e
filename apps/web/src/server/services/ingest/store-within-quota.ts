import "server-only";
import { pool } from "@bulwark/db";
import { recordUsage } from "@bulwark/jobs";
import { effectiveLimits } from "@/server/services/quotas/effective-limits";
import { ORG_QUOTA_LOCK_SQL } from "@/server/services/quotas/lock-org-quota";
import type { PreparedEvent, Rejection } from "./prepare-events";
import { type Stored, storeEvents } from "./store-events";

/**
 * Stores a batch within the org's stored_bytes limit and records what it stored, in one
 * transaction: the ledger's STORED_BYTES (and the rollup whose running total is "used") holds
 * exactly the size_bytes of the rows written. With a limit, the org's storage lock is held
 * from the count to the commit, so concurrent batches cannot together overshoot it; items are
 * admitted in batch order while they fit (a duplicate counts against the room it would have
 * taken, so the check errs on the safe side) and the rest are rejected as `quota_exceeded`.
 * Unlimited orgs take no lock.
 */
export async function storeWithinQuota(scope: { orgId: string; projectId: string }, events: PreparedEvent[], now = new Date()): Promise<{ stored: Stored[]; rejected: Rejection[] }> {
  if (events.length === 0) return { stored: [], rejected: [] };
  const limit = (await effectiveLimits(scope.orgId)).limits.stored_bytes;
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const admitted: PreparedEvent[] = [];
    const overQuota: Rejection[] = [];
    if (limit === null) admitted.push(...events);
    else {
      await client.query(ORG_QUOTA_LOCK_SQL, [`quota:storage:${scope.orgId}`]);
      const { rows } = await client.query<{ total: string | null }>("SELECT sum(stored_bytes)::text AS total FROM usage_daily_rollups WHERE org_id = $1", [scope.orgId]);
      let room = limit - Number(rows[0]?.total ?? 0);
      for (const event of events) {
        if (overQuota.length === 0 && event.sizeBytes <= room) {
          admitted.push(event);
          room -= event.sizeBytes;
        } else {
          overQuota.push({ index: event.index, id: event.clientEventId, code: "quota_exceeded", message: `The organization has reached its stored_bytes limit of ${limit}.` });
        }
      }
    }
    const result = await storeEvents(scope, admitted, { client });
    const written = result.stored.filter((s) => s.status === "stored");
    await recordUsage((text, values) => client.query(text, values), {
      orgId: scope.orgId,
      projectId: scope.projectId,
      at: now,
      events: written.length,
      storedBytes: written.reduce((sum, s) => sum + s.event.sizeBytes, 0),
    });
    await client.query("COMMIT");
    return { stored: result.stored, rejected: [...result.rejected, ...overQuota] };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
