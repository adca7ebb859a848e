import "server-only";
import { notFound, type Role } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";

/**
 * The user's membership of `orgId`, or "organization not found" (404) when there is none, so a
 * probe cannot tell a foreign organization from one that does not exist.
 *
 * Switching the active organization calls this before it writes the session's `orgId` claim,
 * e.g. in next-auth's `jwt` callback on `trigger === "update"`:
 *
 *   const { orgId } = await assertMembership(token.sub, session.orgId);
 *   token.orgId = orgId;
 *
 * The claim is only a preference: every request re-reads the membership (authenticate-session.ts),
 * so a removal applies at once even to a session that still names the organization.
 */
export async function assertMembership(userId: string, orgId: string): Promise<{ orgId: string; role: Role }> {
  const membership = await prisma.membership.findUnique({ where: { orgId_userId: { orgId, userId } }, select: { role: true } });
  if (!membership) throw notFound("organization");
  return { orgId, role: membership.role.toLowerCase() as Role };
}
