import { appendAuditEntry, newId, type PrismaClient } from "@bulwark/db";
import { notifyRunUpdate } from "./notify-run";
import type { CapReached } from "./run-caps";

/**
 * Asks a running run to stop because it reached a cap, the way a cancel or a kill does: sets
 * `stop_requested_at` and the reason (which every worker's watch polls), logs a run abort by
 * this worker with `{ limit, used }` and audits it. Only the first stop request counts, so a cap hit by two
 * attacks at once, or after a cancel, writes one abort. True when this call stopped the run.
 */
export async function requestRunStop(prisma: PrismaClient, run: { id: string; orgId: string }, cap: CapReached, workerId: string): Promise<boolean> {
  const stopped = await prisma.$transaction(async (tx) => {
    const asked = await tx.run.updateMany({
      where: { id: run.id, status: "RUNNING", stopRequestedAt: null },
      data: { stopRequestedAt: new Date(), stopReason: cap.reason },
    });
    if (!asked.count) return false;
    await tx.runAbort.create({
      data: { id: newId("abort"), orgId: run.orgId, runId: run.id, reason: cap.reason, actorType: "SYSTEM", actorId: workerId, detail: { limit: cap.limit, used: cap.used } },
    });
    // Audited like a cancel or a kill: the organization's chain shows who (here: the platform) stopped it and why.
    await appendAuditEntry(tx, {
      orgId: run.orgId,
      actor: { type: "system" },
      action: "run.stop",
      target: { type: "run", id: run.id },
      params: { reason: cap.reason.toLowerCase(), limit: cap.limit, used: cap.used, workerId },
    });
    return true;
  });
  if (stopped) await notifyRunUpdate(prisma, run.id);
  return stopped;
}
