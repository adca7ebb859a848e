import "server-only";
import { conflict, notFound, type Role } from "@bulwark/contracts";
import type { ServiceContext } from "@/server/auth/principal";
import { inTransaction, type Tx } from "@/server/db/transaction";
import { recordAudit } from "@/server/services/audit/record-audit";
import { assertCanInvite } from "./assert-can-invite";

/**
 * Revokes an invitation of the caller's org; its link stops working at once. Idempotent for a
 * revoked one; an accepted one is a membership now (remove the member instead).
 */
export async function revokeInvitation(ctx: ServiceContext, invitationId: string, { tx }: { tx?: Tx } = {}): Promise<void> {
  await inTransaction(tx, async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: { id: invitationId, orgId: ctx.orgId } });
    if (!invitation) throw notFound("invitation");
    const role = invitation.role.toLowerCase() as Role;
    assertCanInvite(ctx, role);
    // Conditional on the state, like accepting: of a concurrent revoke and accept, exactly one wins.
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, orgId: ctx.orgId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) {
      const now = await tx.invitation.findUniqueOrThrow({ where: { id: invitation.id }, select: { acceptedAt: true } });
      if (now.acceptedAt) throw conflict("The invitation has been accepted; remove the member instead.");
      return;
    }
    await recordAudit(tx, ctx, "invitation.revoke", { type: "invitation", id: invitation.id }, { email: invitation.email, role });
  });
}
