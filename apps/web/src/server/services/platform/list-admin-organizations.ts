import "server-only";
import type { AdminOrganization, PageQuery } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import type { UserContext } from "@/server/auth/principal";
import { toPage } from "@/server/db/paginate";
import { assertPlatformAdmin } from "./assert-platform-admin";
import { toAdminOrganizationDto } from "./to-admin-organization-dto";

/** Every organization on the platform: the one query here that is deliberately not scoped to an org. */
export async function listAdminOrganizations(ctx: UserContext, { cursor, limit }: PageQuery): Promise<{ data: AdminOrganization[]; nextCursor: string | null }> {
  assertPlatformAdmin(ctx);
  const rows = await prisma.organization.findMany({
    where: cursor ? { id: { gt: cursor } } : {},
    include: { _count: { select: { memberships: true } } },
    orderBy: { id: "asc" },
    take: limit + 1,
  });
  return toPage(rows, limit, toAdminOrganizationDto);
}
