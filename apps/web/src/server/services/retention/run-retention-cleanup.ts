import { conflict } from "@bulwark/contracts";
import { appendAuditEntry, pool, prisma } from "@bulwark/db";
import type { ArchiveStore } from "./archive/archive-store";
import { expireEvents, type ProjectCutoff } from "./expire-events";
import { expireRuns } from "./expire-runs";
import { pruneAuditLog } from "./prune-audit-log";
import { recordFreedStorage } from "./record-freed-storage";
import { RetentionTally } from "./retention-tally";

const DAY_MS = 86_400_000;
/** Rows per DELETE statement where a partition cannot be dropped whole. */
export const RETENTION_DELETE_BATCH = 10_000;
/** Session-level, on a connection held for the whole cleanup: it goes away with the process. */
const LOCK_KEY = "bulwark:retention-cleanup";

export interface RetentionCleanupOptions {
  /** Where reports (and events, with archiveEvents) go before deletion; null deletes without archiving. */
  archive: ArchiveStore | null;
  archiveEvents: boolean;
  now?: Date;
  /**
   * Only these orgs (tests and one-off runs). Other orgs' projects then keep all their rows, and
   * empty partitions are left alone, since their day may matter to an org out of scope.
   */
  orgIds?: string[];
  batchSize?: number;
  requestId?: string;
}

export interface RetentionCleanupResult {
  orgsProcessed: number;
  runsDeleted: number;
  eventsDeleted: number;
  partitionsDropped: number;
  auditEntriesDeleted: number;
  /** Logical bytes: events' and reports' size_bytes, as recorded (negated) in the usage ledger. */
  bytesFreed: number;
  archive: string | null;
  ms: number;
}

/**
 * Applies every project's retentionDays: events (whole day partitions dropped where possible,
 * else batched deletes), finished runs with everything they own, and the org's audit entries
 * behind a sealed checkpoint (older than the org's longest project retention). Idempotent: a
 * second call finds nothing left to expire. Only one cleanup runs at a time across every
 * process: another call while one holds the lock is a 409 rather than a wait, so a scheduler
 * that fires twice, or a slow run overlapping the next, never piles up.
 */
export async function runRetentionCleanup(options: RetentionCleanupOptions): Promise<RetentionCleanupResult> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const lock = await pool.connect();
  try {
    const { rows } = await lock.query<{ locked: boolean }>("SELECT pg_try_advisory_lock(hashtext($1)) AS locked", [LOCK_KEY]);
    if (!rows[0]?.locked) throw conflict("A retention cleanup is already running; try again when it has finished.");
    try {
      const result = await cleanup(options, now);
      return { ...result, archive: options.archive?.target ?? null, ms: Math.round(performance.now() - started) };
    } finally {
      await lock.query("SELECT pg_advisory_unlock(hashtext($1))", [LOCK_KEY]);
    }
  } finally {
    lock.release();
  }
}

async function cleanup(options: RetentionCleanupOptions, now: Date) {
  const tally = new RetentionTally();
  const stamp = now.toISOString().replace(/[-:.]/g, "");
  const all = await prisma.project.findMany({ select: { id: true, orgId: true, retentionDays: true } });
  const inScope = options.orgIds ? all.filter((p) => options.orgIds!.includes(p.orgId)) : all;
  const cutoffOf = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const projects = new Map<string, ProjectCutoff>(inScope.map((p) => [p.id, { id: p.id, orgId: p.orgId, cutoff: cutoffOf(p.retentionDays) }]));
  const longest = Math.max(30, ...all.map((p) => p.retentionDays));

  try {
    await expireEvents({
      projects,
      emptyCutoff: options.orgIds ? null : cutoffOf(longest),
      archive: options.archive,
      archiveEvents: options.archiveEvents,
      stamp,
      batchSize: options.batchSize ?? RETENTION_DELETE_BATCH,
      tally,
    });
    for (const project of projects.values()) {
      await expireRuns(project, { archive: options.archive, archiveEvents: options.archiveEvents, now, tally });
    }
    const orgRetention = new Map<string, number>();
    for (const p of inScope) orgRetention.set(p.orgId, Math.max(orgRetention.get(p.orgId) ?? 0, p.retentionDays));
    for (const [orgId, days] of orgRetention) await pruneAuditLog(orgId, cutoffOf(days), options.archive, stamp, tally);
  } finally {
    // Whatever was deleted before a failure is recorded and audited too.
    await recordFreedStorage(tally, now);
    await auditCleanup(tally, options.requestId);
  }
  return { orgsProcessed: new Set(inScope.map((p) => p.orgId)).size, ...tally.counts() };
}

/** One system entry per org that lost data, in that org's own chain. */
async function auditCleanup(tally: RetentionTally, requestId: string | undefined): Promise<void> {
  for (const orgId of tally.orgsTouched) {
    const freed = [...tally.freed.values()].filter((entry) => entry.orgId === orgId);
    await prisma.$transaction((tx) =>
      appendAuditEntry(tx, {
        orgId,
        actor: { type: "system" },
        action: "retention.cleanup",
        params: { projects: freed.map((entry) => ({ projectId: entry.projectId, bytesFreed: entry.bytes.toString() })) },
        request: { requestId: requestId ?? null },
      }),
    );
  }
}
