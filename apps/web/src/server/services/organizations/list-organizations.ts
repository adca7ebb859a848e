import "server-only";
import type { Organization, PageQuery } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import type { UserContext } from "@/server/auth/principal";
import { toPage } from "@/server/db/paginate";
import { toOrganizationDto } from "./to-organization-dto";

/** The organizations the signed-in user belongs to, oldest first, with their role in each. */
export async function listOrganizations(user: UserContext, { cursor, limit }: PageQuery): Promise<{ data: Organization[]; nextCursor: string | null }> {
  const rows = await prisma.organization.findMany({
    where: { memberships: { some: { userId: user.userId } }, ...(cursor ? { id: { gt: cursor } } : {}) },
    include: { memberships: { where: { userId: user.userId }, select: { role: true } } },
    orderBy: { id: "asc" },
    take: limit + 1,
  });
  return toPage(rows, limit, (org) => toOrganizationDto(org, org.memberships[0]!.role));
}
