import "server-only";
import { notFound } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";

/** The run if it belongs to the caller's org; another org's run is simply not found. */
export async function getRunOrThrow(ctx: Pick<ServiceContext, "orgId">, runId: string) {
  const run = await prisma.run.findFirst({ where: { id: runId, orgId: ctx.orgId } });
  if (!run) throw notFound("run");
  return run;
}
