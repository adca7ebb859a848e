import "server-only";
import type { Role } from "@bulwark/contracts";
import type { ServiceContext } from "@/server/auth/principal";
import { inTransaction, type Tx } from "@/server/db/transaction";
import { recordAudit } from "@/server/services/audit/record-audit";
import { assertCanManageMember } from "./assert-can-manage-member";
import { assertNotLastOwner } from "./assert-not-last-owner";
import { lockMembershipForChange } from "./lock-membership-for-change";

/**
 * Ends a membership: someone else's (with `members:manage`, within the caller's own rank), or
 * the caller's own (leaving; a person may always leave, an API key only with `members:manage`).
 * The member's API keys in this organization are revoked with it: they already stop working
 * without the membership, and must not come back to life if the person is invited again. Their
 * findings in this organization are unassigned.
 */
export async function removeMember(ctx: ServiceContext, membershipId: string, { tx }: { tx?: Tx } = {}): Promise<void> {
  await inTransaction(tx, async (tx) => {
    const { target, ownerIds, actor } = await lockMembershipForChange(tx, ctx, membershipId);
    const role = target.role.toLowerCase() as Role;
    const leaving = target.userId === ctx.actor.userId;
    if (!leaving || ctx.actor.type !== "user") assertCanManageMember(actor, { userId: target.userId, role });
    if (role === "owner") assertNotLastOwner(ownerIds, target.id);

    await tx.membership.delete({ where: { id: target.id, orgId: ctx.orgId } });
    const keys = await tx.apiKey.findMany({ where: { orgId: ctx.orgId, createdById: target.userId, revokedAt: null }, select: { id: true } });
    const revokedIds = keys.map((key) => key.id);
    await tx.apiKey.updateMany({ where: { id: { in: revokedIds }, orgId: ctx.orgId }, data: { revokedAt: new Date() } });
    // Findings are only ever assigned to members (update-finding.ts holds the membership row while it assigns).
    const unassigned = await tx.finding.updateMany({ where: { orgId: ctx.orgId, assigneeId: target.userId }, data: { assigneeId: null } });
    // `revokedIds`, not a name with "key" in it: the audit preview redacts those.
    await recordAudit(tx, ctx, "member.remove", { type: "membership", id: target.id }, { userId: target.userId, email: target.user.email, role, self: leaving, revokedIds, unassignedFindings: unassigned.count });
  });
}
