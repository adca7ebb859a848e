import type { PrismaClient, Run } from "@bulwark/db";

/** After this many claims a run is failed instead of resumed: something keeps killing it. */
export const MAX_RUN_ATTEMPTS = 3;
/** A RUNNING run whose heartbeat is older than this has lost its worker (watch-run beats every 5 s). */
export const RUN_LEASE_MS = 30_000;

/**
 * Takes a run for this worker: a QUEUED one, or a RUNNING one whose worker stopped beating (it
 * died; the run resumes). A run held by a live worker, or finished, is never taken, so a late or
 * duplicate job cannot run it twice or touch a final status. Null when there is nothing to do.
 */
export async function claimRun(prisma: PrismaClient, runId: string, workerId: string, { now = new Date(), leaseMs = RUN_LEASE_MS } = {}): Promise<Run | null> {
  const claimed = await prisma.run.updateManyAndReturn({
    where: {
      id: runId,
      OR: [{ status: "QUEUED" }, { status: "RUNNING", OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: new Date(now.getTime() - leaseMs) } }] }],
    },
    data: { status: "RUNNING", workerId, heartbeatAt: now, attempts: { increment: 1 } },
  });
  const run = claimed[0];
  if (!run) return null;
  if (!run.startedAt) return prisma.run.update({ where: { id: run.id }, data: { startedAt: now } });
  return run;
}
