import "server-only";
import { type AcceptedInvitation, type AcceptInvitationInput, AppError, conflict, forbidden, notFound, type Role, unauthorized } from "@bulwark/contracts";
import { newId } from "@bulwark/db";
import type { UserContext } from "@/server/auth/principal";
import { inTransaction, type Tx } from "@/server/db/transaction";
import { recordAudit } from "@/server/services/audit/record-audit";
import { memberContext } from "@/server/services/organizations/member-context";
import { toOrganizationDto } from "@/server/services/organizations/to-organization-dto";
import { hashInvitationToken } from "./invitation-token";

/**
 * The signed-in user joins the organization an invitation was sent to, if it was sent to their
 * email. The invitation is claimed by one conditional UPDATE: of any number of concurrent
 * accepts of one token, exactly one matches `accepted_at IS NULL` — the others wait for its row
 * lock, re-check, and find it used. Anything that fails afterwards rolls the claim back.
 */
export async function acceptInvitation(user: UserContext, input: AcceptInvitationInput, { tx }: { tx?: Tx } = {}): Promise<AcceptedInvitation> {
  const tokenHash = hashInvitationToken(input.token);
  return inTransaction(tx, async (tx) => {
    const me = await tx.user.findUnique({ where: { id: user.userId }, select: { email: true } });
    if (!me) throw unauthorized();
    const email = me.email.toLowerCase();

    const claimed = await tx.$queryRaw<{ id: string; orgId: string; role: string }[]>`
      UPDATE invitations
         SET accepted_at = now(), accepted_by_id = ${user.userId}, updated_at = now()
       WHERE token_hash = ${tokenHash}
         AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
         AND lower(email) = ${email}
      RETURNING id, org_id AS "orgId", role::text AS role`;
    const invitation = claimed[0];
    if (!invitation) throw await whyNotAcceptable(tx, tokenHash, email);

    const role = invitation.role.toLowerCase() as Role;
    const existing = await tx.membership.findUnique({ where: { orgId_userId: { orgId: invitation.orgId, userId: user.userId } } });
    if (existing) throw conflict("You are already a member of this organization.");
    const membership = await tx.membership.create({
      data: { id: newId("membership"), orgId: invitation.orgId, userId: user.userId, role: invitation.role as "OWNER" | "ADMIN" | "MEMBER" | "VIEWER" },
    });
    const org = await tx.organization.findUniqueOrThrow({ where: { id: invitation.orgId } });
    await recordAudit(tx, memberContext(user, org.id, role), "invitation.accept", { type: "invitation", id: invitation.id }, { membershipId: membership.id, email, role });
    return { membershipId: membership.id, organization: toOrganizationDto(org, role) };
  });
}

// Only someone holding the token gets here, so saying why it does not work leaks nothing new;
// the invited address itself is never echoed.
async function whyNotAcceptable(tx: Tx, tokenHash: string, email: string): Promise<AppError> {
  const invitation = await tx.invitation.findUnique({ where: { tokenHash } });
  if (!invitation) return notFound("invitation");
  if (invitation.acceptedAt) return new AppError("gone", "This invitation has already been used.");
  if (invitation.revokedAt) return new AppError("gone", "This invitation has been revoked.");
  if (invitation.expiresAt.getTime() <= Date.now()) return new AppError("gone", "This invitation has expired; ask for a new one.");
  if (invitation.email.toLowerCase() !== email) return forbidden("This invitation was sent to a different email address: sign in with that address to accept it.");
  // Claimed or changed by a concurrent transaction between the UPDATE and this read.
  return new AppError("gone", "This invitation is no longer valid.");
}
