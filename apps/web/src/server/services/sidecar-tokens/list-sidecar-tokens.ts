import "server-only";
import type { PageQuery, SidecarToken } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import { toPage } from "@/server/db/paginate";
import { getProjectOrThrow } from "@/server/services/projects/get-project-or-throw";
import { toSidecarTokenDto } from "./to-sidecar-token-dto";

export async function listSidecarTokens(
  ctx: ServiceContext,
  projectId: string,
  { cursor, limit }: PageQuery,
): Promise<{ data: SidecarToken[]; nextCursor: string | null }> {
  await getProjectOrThrow(ctx, projectId);
  const rows = await prisma.sidecarToken.findMany({
    where: { orgId: ctx.orgId, projectId, ...(cursor ? { id: { gt: cursor } } : {}) },
    orderBy: { id: "asc" },
    take: limit + 1,
  });
  return toPage(rows, limit, toSidecarTokenDto);
}
