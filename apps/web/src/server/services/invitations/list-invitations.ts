import "server-only";
import type { Invitation, PageQuery } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import { toPage } from "@/server/db/paginate";
import { toInvitationDto } from "./to-invitation-dto";

/** Pending invitations: not accepted, not revoked, not expired. */
export async function listInvitations(ctx: ServiceContext, { cursor, limit }: PageQuery): Promise<{ data: Invitation[]; nextCursor: string | null }> {
  const rows = await prisma.invitation.findMany({
    where: { orgId: ctx.orgId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() }, ...(cursor ? { id: { gt: cursor } } : {}) },
    include: { invitedBy: { select: { id: true, email: true } } },
    orderBy: { id: "asc" },
    take: limit + 1,
  });
  return toPage(rows, limit, toInvitationDto);
}
