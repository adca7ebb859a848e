import "server-only";
import type { AllowlistEntry, PageQuery } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import type { UserContext } from "@/server/auth/principal";
import { toPage } from "@/server/db/paginate";
import { assertPlatformAdmin } from "./assert-platform-admin";
import { toAllowlistEntryDto } from "./to-allowlist-entry-dto";

export async function listAllowlistEntries(ctx: UserContext, { cursor, limit }: PageQuery): Promise<{ data: AllowlistEntry[]; nextCursor: string | null }> {
  assertPlatformAdmin(ctx);
  const rows = await prisma.allowlistEntry.findMany({
    where: cursor ? { id: { gt: cursor } } : {},
    include: { createdBy: { select: { id: true, email: true } } },
    orderBy: { id: "asc" },
    take: limit + 1,
  });
  return toPage(rows, limit, toAllowlistEntryDto);
}
