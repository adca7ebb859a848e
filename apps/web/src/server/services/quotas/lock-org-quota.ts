import "server-only";
import type { Tx } from "@/server/db/transaction";

/**
 * Serialises one organization's quota checks of one kind (`runs`, `projects`, `storage`) until
 * the transaction ends: count and write happen under it, so N concurrent requests against a
 * limit of L admit exactly L. An advisory lock, not a row lock on the organization, so renames
 * and tier changes never queue behind a burst of run creations.
 */
export async function lockOrgQuota(tx: Tx, orgId: string, kind: "runs" | "projects" | "storage"): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`quota:${kind}:${orgId}`}, 0))`;
}

export const ORG_QUOTA_LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))";
