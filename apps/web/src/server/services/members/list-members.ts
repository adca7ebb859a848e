import "server-only";
import type { Member, PageQuery } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import { toPage } from "@/server/db/paginate";
import { toMemberDto } from "./to-member-dto";

export async function listMembers(ctx: ServiceContext, { cursor, limit }: PageQuery): Promise<{ data: Member[]; nextCursor: string | null }> {
  const rows = await prisma.membership.findMany({
    where: { orgId: ctx.orgId, ...(cursor ? { id: { gt: cursor } } : {}) },
    include: { user: { select: { id: true, email: true, name: true } } },
    orderBy: { id: "asc" },
    take: limit + 1,
  });
  return toPage(rows, limit, toMemberDto);
}
