import "server-only";
import type { Run } from "@bulwark/contracts";
import { newId, prisma } from "@bulwark/db";
import { notifyRunUpdate } from "@bulwark/jobs";
import type { ServiceContext } from "@/server/auth/principal";
import { recordAudit } from "@/server/services/audit/record-audit";
import { getRunOrThrow } from "./get-run-or-throw";
import { toRunDto } from "./to-run-dto";

/**
 * Cancels a run. A queued run becomes CANCELED here (no worker holds it); a running one gets
 * `stop_requested_at`, which its worker polls (watch-run.ts): it aborts the call in flight and
 * finalises the run within a second, keeping what it has. A finished run is returned unchanged.
 */
export async function cancelRun(ctx: ServiceContext, runId: string): Promise<Run> {
  await getRunOrThrow(ctx, runId);
  const actor = ctx.actor.type === "api_key" ? { actorType: "API_KEY" as const, actorId: ctx.actor.apiKeyId } : { actorType: "USER" as const, actorId: ctx.actor.userId };
  const run = await prisma.$transaction(async (tx) => {
    const now = new Date();
    const queued = await tx.run.updateMany({
      where: { id: runId, orgId: ctx.orgId, status: "QUEUED" },
      data: { status: "CANCELED", stopReason: "USER_CANCEL", stopRequestedAt: now, finishedAt: now },
    });
    const running = queued.count
      ? { count: 0 }
      : await tx.run.updateMany({
          where: { id: runId, orgId: ctx.orgId, status: "RUNNING", stopRequestedAt: null },
          data: { stopRequestedAt: now, stopReason: "USER_CANCEL" },
        });
    if (queued.count + running.count > 0) {
      await tx.runAbort.create({ data: { id: newId("abort"), orgId: ctx.orgId, runId, reason: "USER_CANCEL", ...actor } });
      await recordAudit(tx, ctx, "run.cancel", { type: "run", id: runId });
    }
    return tx.run.findUniqueOrThrow({ where: { id: runId } });
  });
  await notifyRunUpdate(prisma, runId);
  return toRunDto(run);
}
