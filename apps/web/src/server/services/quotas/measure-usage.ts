import "server-only";
import { COST_MODEL } from "@bulwark/contracts";
import type { prisma } from "@bulwark/db";
import type { Tx } from "@/server/db/transaction";

type Db = Tx | typeof prisma;

/**
 * Bytes the organization holds: the running total of its STORED_BYTES rollups. Ingest adds what
 * it actually stored (the rows' size_bytes), retention subtracts what it frees, so this reads a
 * few hundred rollup rows instead of summing size_bytes over the events table — the hottest
 * table, partitioned by day — on every batch and every run.
 */
export async function storedBytesUsed(db: Db, orgId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ total: bigint | null }[]>`SELECT sum(stored_bytes)::bigint AS total FROM usage_daily_rollups WHERE org_id = ${orgId}`;
  return Number(row?.total ?? 0n);
}

/**
 * Runs started in [start, end), from the ledger rather than the runs table: deleting a project
 * (and its runs) must not hand back run quota.
 */
export async function runsStarted(db: Db, orgId: string, projectId: string | null, start: Date, end: Date): Promise<number> {
  return db.usageEvent.count({ where: { orgId, kind: "RUN", at: { gte: start, lt: end }, ...(projectId ? { projectId } : {}) } });
}

export async function activeRuns(db: Db, orgId: string): Promise<number> {
  return db.run.count({ where: { orgId, status: { in: ["QUEUED", "RUNNING"] } } });
}

export async function projectCount(db: Db, orgId: string): Promise<number> {
  return db.project.count({ where: { orgId } });
}

/**
 * The day's cost: what finished runs recorded today (by the cost model, at run end) plus, for
 * each run started today and still queued or running, its cost cap (or what it has spent so far
 * when it has none). Reserving the cap keeps the day's real spend within the limit, because the
 * worker stops a run at its cap; the reservation becomes the actual cost when the run ends.
 */
export async function costToday(db: Db, orgId: string, start: Date, end: Date): Promise<number> {
  const day = start.toISOString().slice(0, 10);
  const [row] = await db.$queryRaw<{ total: bigint | null }[]>`
    SELECT (
      COALESCE((SELECT sum(cost_micros) FROM usage_daily_rollups WHERE org_id = ${orgId} AND day = ${day}::date), 0)
      + COALESCE((
          SELECT sum(COALESCE(max_cost_micros, agent_calls::bigint * ${COST_MODEL.agentCallMicros} + judge_tokens * ${COST_MODEL.judgeTokenMicros}))
          FROM runs WHERE org_id = ${orgId} AND status IN ('QUEUED', 'RUNNING') AND created_at >= ${start} AND created_at < ${end}
        ), 0)
    )::bigint AS total`;
  return Number(row?.total ?? 0n);
}
