import "server-only";
import type { ApiKey, PageQuery } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import { toPage } from "@/server/db/paginate";
import { toApiKeyDto } from "./to-api-key-dto";

export async function listApiKeys(ctx: ServiceContext, { cursor, limit }: PageQuery): Promise<{ data: ApiKey[]; nextCursor: string | null }> {
  const rows = await prisma.apiKey.findMany({
    where: { orgId: ctx.orgId, ...(cursor ? { id: { gt: cursor } } : {}) },
    include: { createdBy: { select: { id: true, email: true } } },
    orderBy: { id: "asc" },
    take: limit + 1,
  });
  return toPage(rows, limit, toApiKeyDto);
}
