import { newId, type PrismaClient } from "@bulwark/db";
import type { PgBoss } from "pg-boss";
import { MAX_RUN_ATTEMPTS, RUN_LEASE_MS } from "./claim-run";
import { enqueueRun } from "./enqueue-run";

/** A queued run older than this without a worker is queued again (its send may have been lost). */
const QUEUED_GRACE_MS = 60_000;

/**
 * No run stays "running" (or "queued") for ever. Runs whose worker stopped beating are queued
 * again, so the next claim resumes them, until they have used their attempts; then they fail
 * with `worker_lost`, keeping what they did. Safe to run on every worker at once: queueing is
 * deduplicated by run id and the final update only matches a run still RUNNING.
 */
export async function sweepStaleRuns(prisma: PrismaClient, boss: PgBoss, { now = new Date(), leaseMs = RUN_LEASE_MS } = {}) {
  const stale = await prisma.run.findMany({
    where: {
      OR: [
        { status: "RUNNING", OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: new Date(now.getTime() - leaseMs) } }] },
        { status: "QUEUED", createdAt: { lt: new Date(now.getTime() - QUEUED_GRACE_MS) } },
      ],
    },
    select: { id: true, orgId: true, attempts: true, status: true },
    take: 100,
  });
  let requeued = 0;
  let failed = 0;
  for (const run of stale) {
    if (run.status === "RUNNING" && run.attempts >= MAX_RUN_ATTEMPTS) {
      const ended = await prisma.run.updateMany({
        where: { id: run.id, status: "RUNNING" },
        data: { status: "FAILED", stopReason: "WORKER_LOST", finishedAt: now, error: `The run's worker was lost ${run.attempts} times.` },
      });
      if (ended.count) {
        await prisma.runAbort.create({ data: { id: newId("abort"), orgId: run.orgId, runId: run.id, reason: "WORKER_LOST", actorType: "SYSTEM", detail: { attempts: run.attempts } } });
        failed += 1;
      }
      continue;
    }
    await enqueueRun(boss, run.id);
    requeued += 1;
  }
  return { requeued, failed };
}
