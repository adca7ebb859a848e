import "server-only";
import type { PageQuery, Project } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import { toPage } from "@/server/db/paginate";
import { toProjectDto } from "./to-project-dto";

export async function listProjects(ctx: ServiceContext, { cursor, limit }: PageQuery): Promise<{ data: Project[]; nextCursor: string | null }> {
  const rows = await prisma.project.findMany({
    where: { orgId: ctx.orgId, ...(cursor ? { id: { gt: cursor } } : {}) },
    orderBy: { id: "asc" },
    take: limit + 1,
  });
  return toPage(rows, limit, toProjectDto);
}
