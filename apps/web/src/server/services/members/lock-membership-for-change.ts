import "server-only";
import { forbidden, notFound, type Role, scopesForRole } from "@bulwark/contracts";
import type { ServiceContext } from "@/server/auth/principal";
import type { Tx } from "@/server/db/transaction";
import type { MembershipWithUser } from "./to-member-dto";

/**
 * Locks what a role change or removal must not race with, in one fixed order so two changes
 * cannot deadlock: first the organization's owner rows, then the target row. Returns the target
 * and the ids of the owners, both read after the locks, so they are current.
 *
 * The owner lock is what keeps "at least one owner" true under concurrency. Two transactions
 * demoting the only two owners both ask for the same owner rows; the second waits, and when the
 * first commits, PostgreSQL re-checks `role = 'OWNER'` on the rows it waited for (READ
 * COMMITTED), so it sees one owner left and refuses.
 *
 * Every membership change takes this lock first, so changes within one organization run one at
 * a time. That lets the caller's own role be re-read here instead of trusted from the start of
 * the request: an owner demoted a moment ago no longer acts as one.
 */
export async function lockMembershipForChange(
  tx: Tx,
  ctx: ServiceContext,
  membershipId: string,
): Promise<{ target: MembershipWithUser; ownerIds: string[]; actor: ServiceContext }> {
  const owners = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM memberships WHERE org_id = ${ctx.orgId} AND role = 'OWNER' ORDER BY id FOR UPDATE`;
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM memberships WHERE id = ${membershipId} AND org_id = ${ctx.orgId} FOR UPDATE`;
  if (locked.length === 0) throw notFound("member");
  const target = await tx.membership.findUniqueOrThrow({
    where: { id: membershipId },
    include: { user: { select: { id: true, email: true, name: true } } },
  });
  const mine = await tx.membership.findUnique({ where: { orgId_userId: { orgId: ctx.orgId, userId: ctx.actor.userId } }, select: { role: true } });
  if (!mine) throw forbidden("You are no longer a member of this organization.");
  const role = mine.role.toLowerCase() as Role;
  const allowed = scopesForRole(role);
  const actor = { ...ctx, role, scopes: ctx.scopes.filter((scope) => allowed.includes(scope)) };
  return { target, ownerIds: owners.map((owner) => owner.id), actor };
}
