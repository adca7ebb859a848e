import "server-only";
import type { RunAbort, RunAbortList } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import { getRunOrThrow } from "./get-run-or-throw";

/** The run-abort log of one of the caller's runs, oldest first (a run stops once or twice at most). */
export async function listRunAborts(ctx: ServiceContext, runId: string): Promise<RunAbortList> {
  await getRunOrThrow(ctx, runId);
  const aborts = await prisma.runAbort.findMany({ where: { runId, orgId: ctx.orgId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return {
    data: aborts.map((abort) => ({
      id: abort.id,
      reason: abort.reason.toLowerCase() as RunAbort["reason"],
      actor: { type: abort.actorType.toLowerCase() as RunAbort["actor"]["type"], id: abort.actorId },
      detail: (abort.detail ?? null) as RunAbort["detail"],
      createdAt: abort.createdAt.toISOString(),
    })),
  };
}
