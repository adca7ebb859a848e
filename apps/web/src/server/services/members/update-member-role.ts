import "server-only";
import type { Member, Role, UpdateMemberInput } from "@bulwark/contracts";
import type { ServiceContext } from "@/server/auth/principal";
import { inTransaction, type Tx } from "@/server/db/transaction";
import { recordAudit } from "@/server/services/audit/record-audit";
import { assertCanManageMember } from "./assert-can-manage-member";
import { assertNotLastOwner } from "./assert-not-last-owner";
import { lockMembershipForChange } from "./lock-membership-for-change";
import { toMemberDto } from "./to-member-dto";

/** Changes a member's role. The new role applies on the member's next request (and their keys'). */
export async function updateMemberRole(ctx: ServiceContext, membershipId: string, input: UpdateMemberInput, { tx }: { tx?: Tx } = {}): Promise<Member> {
  return inTransaction(tx, async (tx) => {
    const { target, ownerIds, actor } = await lockMembershipForChange(tx, ctx, membershipId);
    const from = target.role.toLowerCase() as Role;
    assertCanManageMember(actor, { userId: target.userId, role: from }, input.role);
    if (from === input.role) return toMemberDto(target);
    if (from === "owner") assertNotLastOwner(ownerIds, target.id);

    const updated = await tx.membership.update({
      where: { id: target.id, orgId: ctx.orgId },
      data: { role: input.role.toUpperCase() as "OWNER" | "ADMIN" | "MEMBER" | "VIEWER" },
      include: { user: { select: { id: true, email: true, name: true } } },
    });
    await recordAudit(tx, ctx, "member.role_change", { type: "membership", id: target.id }, { userId: target.userId, email: target.user.email, from, to: input.role });
    return toMemberDto(updated);
  });
}
