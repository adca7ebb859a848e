import "server-only";
import { notFound, type Role } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import type { UserContext } from "@/server/auth/principal";
import type { Tx } from "@/server/db/transaction";
import { removeMember } from "@/server/services/members/remove-member";
import { memberContext } from "./member-context";

/**
 * The signed-in user leaves one of their organizations (not necessarily the active one). Any
 * role may leave, except the last owner. Audited as `member.remove` with `self: true`.
 */
export async function leaveOrganization(user: UserContext, orgId: string, { tx }: { tx?: Tx } = {}): Promise<void> {
  const membership = await (tx ?? prisma).membership.findUnique({ where: { orgId_userId: { orgId, userId: user.userId } } });
  if (!membership) throw notFound("organization");
  await removeMember(memberContext(user, orgId, membership.role.toLowerCase() as Role), membership.id, { tx });
}
