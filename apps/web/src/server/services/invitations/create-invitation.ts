import "server-only";
import { conflict, type CreatedInvitation, type CreateInvitationInput } from "@bulwark/contracts";
import { newId } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import { inTransaction, type Tx } from "@/server/db/transaction";
import { recordAudit } from "@/server/services/audit/record-audit";
import { assertCanInvite } from "./assert-can-invite";
import { generateInvitationToken, INVITATION_TTL_MS, invitationAcceptUrl } from "./invitation-token";
import { toInvitationDto } from "./to-invitation-dto";

/**
 * Invites an email address into the caller's organization. The token is returned here once
 * (for the UI to copy, and for email delivery after commit) and stored only as a hash; the
 * audit entry never sees it. A pending invitation to the same address is revoked, so one
 * address has at most one working link per organization.
 */
export async function createInvitation(
  ctx: ServiceContext,
  input: CreateInvitationInput,
  { tx, appOrigin }: { tx?: Tx; appOrigin: string },
): Promise<CreatedInvitation> {
  assertCanInvite(ctx, input.role);
  const email = input.email.toLowerCase();
  const { token, tokenHash } = generateInvitationToken();

  return inTransaction(tx, async (tx) => {
    // Serialises invitations to one address of one org, so two concurrent invites cannot both
    // find no pending invitation and leave two working links.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('bulwark:invitation'), hashtext(${`${ctx.orgId}:${email}`}::text))`;
    const member = await tx.membership.findFirst({ where: { orgId: ctx.orgId, user: { email } }, select: { id: true } });
    if (member) throw conflict("This person is already a member of the organization.");

    const now = new Date();
    const pending = await tx.invitation.findMany({
      where: { orgId: ctx.orgId, email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      select: { id: true, role: true },
    });
    if (pending.length > 0) {
      await tx.invitation.updateMany({ where: { id: { in: pending.map((p) => p.id) }, orgId: ctx.orgId }, data: { revokedAt: now } });
    }
    const invitation = await tx.invitation.create({
      data: {
        id: newId("invitation"),
        orgId: ctx.orgId,
        email,
        role: input.role.toUpperCase() as "OWNER" | "ADMIN" | "MEMBER" | "VIEWER",
        tokenHash,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
        invitedById: ctx.actor.userId,
      },
      include: { invitedBy: { select: { id: true, email: true } } },
    });
    for (const superseded of pending) {
      await recordAudit(tx, ctx, "invitation.revoke", { type: "invitation", id: superseded.id }, { email, role: superseded.role.toLowerCase(), supersededBy: invitation.id });
    }
    await recordAudit(tx, ctx, "invitation.create", { type: "invitation", id: invitation.id }, { email, role: input.role, expiresAt: invitation.expiresAt });
    return { ...toInvitationDto(invitation), token, acceptUrl: invitationAcceptUrl(appOrigin, token) };
  });
}
