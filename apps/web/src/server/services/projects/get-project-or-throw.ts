import "server-only";
import { notFound } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import type { Tx } from "@/server/db/transaction";

/** The project if it belongs to the caller's org; another org's project is simply not found. */
export async function getProjectOrThrow(ctx: Pick<ServiceContext, "orgId">, projectId: string, { tx }: { tx?: Tx } = {}) {
  const project = await (tx ?? prisma).project.findFirst({ where: { id: projectId, orgId: ctx.orgId } });
  if (!project) throw notFound("project");
  return project;
}
