import "server-only";
import { type KilledRuns, notFound } from "@bulwark/contracts";
import { appendAuditEntry, newId, type Prisma, prisma } from "@bulwark/db";
import { notifyRunUpdate } from "@bulwark/jobs";
import type { UserContext } from "@/server/auth/principal";
import { assertPlatformAdmin } from "./assert-platform-admin";
import { toRunDto } from "@/server/services/runs/to-run-dto";

export type KillTarget = { kind: "run" | "project" | "organization"; id: string };

const SCOPE: Record<KillTarget["kind"], (id: string) => Prisma.RunWhereInput> = {
  run: (id) => ({ id }),
  project: (id) => ({ projectId: id }),
  organization: (id) => ({ orgId: id }),
};

/**
 * The kill switch: stops every queued or running run of a run, project or organization with
 * `admin_kill`. Queued runs end STOPPED here (no worker holds them, and a claim only takes a
 * QUEUED run); running ones get `stop_requested_at`, which their worker polls (watch-run.ts),
 * so they stop within a second wherever they run and keep their partial results. A run already
 * stopping (a cancel, a cap) keeps its first reason. Each run stopped gets a run abort naming
 * the administrator and an entry in its organization's audit log, so the organization's owners
 * see who stopped their runs; all in one transaction.
 */
export async function killRuns(ctx: UserContext, target: KillTarget): Promise<KilledRuns> {
  assertPlatformAdmin(ctx);
  const where = SCOPE[target.kind](target.id);
  const killed = await prisma.$transaction(async (tx) => {
    const exists =
      target.kind === "run"
        ? await tx.run.count({ where: { id: target.id } })
        : target.kind === "project"
          ? await tx.project.count({ where: { id: target.id } })
          : await tx.organization.count({ where: { id: target.id } });
    if (!exists) throw notFound(target.kind);
    const now = new Date();
    const queued = await tx.run.updateManyAndReturn({
      where: { ...where, status: "QUEUED" },
      data: { status: "STOPPED", stopReason: "ADMIN_KILL", stopRequestedAt: now, finishedAt: now },
    });
    const running = await tx.run.updateManyAndReturn({
      where: { ...where, status: "RUNNING", stopRequestedAt: null },
      data: { stopRequestedAt: now, stopReason: "ADMIN_KILL" },
    });
    const runs = [...queued, ...running].sort((a, b) => a.id.localeCompare(b.id));
    await tx.runAbort.createMany({
      data: runs.map((run) => ({
        id: newId("abort"),
        orgId: run.orgId,
        runId: run.id,
        reason: "ADMIN_KILL" as const,
        actorType: "USER" as const,
        actorId: ctx.userId,
        detail: { scope: target.kind, targetId: target.id },
      })),
    });
    for (const run of runs) {
      await appendAuditEntry(tx, {
        orgId: run.orgId,
        actor: { type: "user", userId: ctx.userId },
        action: "run.admin_kill",
        target: { type: "run", id: run.id },
        params: { scope: target.kind, targetId: target.id, wasStatus: queued.includes(run) ? "queued" : "running", byPlatformAdmin: true },
        request: { requestId: ctx.requestId, ip: ctx.ip, userAgent: ctx.userAgent },
      });
    }
    return runs;
  });
  await Promise.all(killed.map((run) => notifyRunUpdate(prisma, run.id)));
  return { data: killed.map(toRunDto) };
}
