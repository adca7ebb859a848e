import "server-only";
import type { PageQuery, Run } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import { toPage } from "@/server/db/paginate";
import { getProjectOrThrow } from "@/server/services/projects/get-project-or-throw";
import { toRunDto } from "./to-run-dto";

/** Newest first: the run an operator wants is almost always the latest. */
export async function listRuns(ctx: ServiceContext, projectId: string, { cursor, limit }: PageQuery): Promise<{ data: Run[]; nextCursor: string | null }> {
  await getProjectOrThrow(ctx, projectId);
  const rows = await prisma.run.findMany({
    where: { orgId: ctx.orgId, projectId, ...(cursor ? { id: { lt: cursor } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  return toPage(rows, limit, toRunDto);
}
