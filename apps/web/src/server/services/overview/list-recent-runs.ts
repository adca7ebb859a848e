import "server-only";
import type { Run } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import { toRunDto } from "@/server/services/runs/to-run-dto";

/** The org's newest runs across its projects, each with its project's name. */
export async function listRecentRuns(ctx: Pick<ServiceContext, "orgId">, { limit = 8 }: { limit?: number } = {}): Promise<(Run & { projectName: string })[]> {
  const runs = await prisma.run.findMany({ where: { orgId: ctx.orgId }, include: { project: { select: { name: true } } }, orderBy: { id: "desc" }, take: limit });
  return runs.map(({ project, ...run }) => ({ ...toRunDto(run), projectName: project.name }));
}
