import "server-only";
import { pool } from "@bulwark/db";
import { QUEUES, RUN_LEASE_MS } from "@bulwark/jobs";
import { getQueue } from "@/server/queue/boss";

/** Figures read from PostgreSQL (and pg-boss's own tables) that the worker writes. */
export interface PlatformSnapshot {
  runsByStatus: Record<string, number>;
  /** Distinct workers holding a live lease on a RUNNING run. */
  busyWorkers: number;
  /** RUNNING runs whose lease has lapsed: the worker died and the sweeper has not caught up. */
  staleRuns: number;
  oldestQueuedRunAgeSeconds: number;
  /** Turns of the runs created in the last 24 hours, by scenario category and verdict (PENDING: not judged yet). */
  recentTurns: { category: string; verdict: string; count: number }[];
  openFindingsBySeverity: Record<string, number>;
  queues: { queue: string; ready: number; deferred: number; active: number }[];
  collectedAt: Date;
}

// Scrapes come every 15-60 s from each Prometheus (often two, for HA) and the admin page reads
// the same figures: one snapshot serves them all for a few seconds, so the database sees a
// bounded query rate however many scrapers there are.
const MAX_AGE_MS = 10_000;
// Each statement is cut off rather than left to pile up behind a slow database.
const STATEMENT_TIMEOUT_MS = 2_000;
const RECENT_WINDOW = "24 hours";

const globalForSnapshot = globalThis as unknown as { bulwarkPlatformSnapshot?: { at: number; pending: Promise<PlatformSnapshot> } };

/** The latest snapshot, read again when older than a few seconds (one read in flight at a time). */
export function getPlatformSnapshot(now = Date.now()): Promise<PlatformSnapshot> {
  const cached = globalForSnapshot.bulwarkPlatformSnapshot;
  if (cached && now - cached.at < MAX_AGE_MS) return cached.pending;
  const pending = readPlatformSnapshot();
  globalForSnapshot.bulwarkPlatformSnapshot = { at: now, pending };
  // A failed read must not be served from the cache to the next scrape.
  pending.catch(() => {
    if (globalForSnapshot.bulwarkPlatformSnapshot?.pending === pending) globalForSnapshot.bulwarkPlatformSnapshot = undefined;
  });
  return pending;
}

async function readPlatformSnapshot(): Promise<PlatformSnapshot> {
  const [database, queues] = await Promise.all([readDatabase(), readQueues()]);
  return { ...database, queues, collectedAt: new Date() };
}

// Every query is an aggregate over `runs` (the (status, heartbeat_at) index serves the status
// ones), `findings`, or the turns of recent runs through run_turns' (run_id, started_at) index.
// None touches the events table.
async function readDatabase() {
  const client = await pool.connect();
  try {
    await client.query("BEGIN READ ONLY");
    await client.query(`SET LOCAL statement_timeout = ${STATEMENT_TIMEOUT_MS}`);
    const statuses = await client.query<{ status: string; count: number }>("SELECT status::text AS status, count(*)::int AS count FROM runs GROUP BY status");
    const leases = await client.query<{ busy_workers: number; stale_runs: number }>(
      `SELECT count(DISTINCT worker_id) FILTER (WHERE heartbeat_at >= now() - make_interval(secs => $1))::int AS busy_workers,
              count(*) FILTER (WHERE heartbeat_at IS NULL OR heartbeat_at < now() - make_interval(secs => $1))::int AS stale_runs
       FROM runs WHERE status = 'RUNNING'`,
      [RUN_LEASE_MS / 1000],
    );
    const queued = await client.query<{ age: number }>(
      "SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS age FROM runs WHERE status = 'QUEUED'",
    );
    const turns = await client.query<{ category: string; verdict: string; count: number }>(
      `SELECT t.category, COALESCE(t.verdict::text, 'PENDING') AS verdict, count(*)::int AS count
       FROM run_turns t WHERE t.run_id IN (SELECT id FROM runs WHERE created_at >= now() - $1::interval)
       GROUP BY 1, 2`,
      [RECENT_WINDOW],
    );
    const findings = await client.query<{ severity: string; count: number }>(
      "SELECT severity::text AS severity, count(*)::int AS count FROM findings WHERE status IN ('OPEN', 'CONFIRMED') GROUP BY severity",
    );
    await client.query("COMMIT");
    return {
      runsByStatus: Object.fromEntries(statuses.rows.map((r) => [r.status, r.count])),
      busyWorkers: leases.rows[0]?.busy_workers ?? 0,
      staleRuns: leases.rows[0]?.stale_runs ?? 0,
      oldestQueuedRunAgeSeconds: Math.max(0, queued.rows[0]?.age ?? 0),
      recentTurns: turns.rows,
      openFindingsBySeverity: Object.fromEntries(findings.rows.map((r) => [r.severity, r.count])),
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

// pg-boss keeps per-queue counts in its queue table (refreshed by the worker's monitor), so
// reading them is one small query rather than a count over the job table. A queue the worker
// has not created yet is reported empty: an autoscaler reading bulwark_queue_depth needs the
// series to exist.
async function readQueues(): Promise<PlatformSnapshot["queues"]> {
  const boss = await getQueue();
  const found = new Map((await boss.getQueues(Object.values(QUEUES))).map((q) => [q.name, q]));
  return Object.values(QUEUES).map((queue) => {
    const q = found.get(queue);
    return { queue, ready: q?.readyCount ?? 0, deferred: q?.deferredCount ?? 0, active: q?.activeCount ?? 0 };
  });
}
