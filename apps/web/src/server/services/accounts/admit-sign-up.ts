import "server-only";
import { forbidden } from "@bulwark/contracts";
import type { Tx } from "@/server/db/transaction";
import { hashInvitationToken } from "@/server/services/invitations/invitation-token";
import { getPlatformSettings } from "@/server/services/platform/platform-settings";
import { isAllowlisted } from "@/server/services/platform/is-allowlisted";

export interface SignUpClaim {
  email: string;
  /** From an invitation link: admits its invitee in any mode (as a pending invitation does below). */
  invitationToken?: string | undefined;
  /** OAuth sign-ups carry no token, but their address is proven: a pending invitation to it admits them. */
  provenEmail?: boolean;
}

/**
 * Throws unless the platform's sign-up mode admits this address. Depends only on the address,
 * the token and the settings — never on whether an account exists — so the answer reveals
 * nothing about existing accounts.
 */
export async function admitSignUp(tx: Tx, claim: SignUpClaim): Promise<void> {
  if (claim.invitationToken !== undefined) {
    if (await hasPendingInvitation(tx, { tokenHash: hashInvitationToken(claim.invitationToken), email: claim.email })) return;
    throw forbidden("This invitation is not valid for this email address: it may have expired, been used or been revoked.");
  }
  if (claim.provenEmail && (await hasPendingInvitation(tx, { email: claim.email }))) return;
  const { signupMode } = await getPlatformSettings({ tx });
  if (signupMode === "OPEN") return;
  if (signupMode === "ALLOWLIST") {
    if (await isAllowlisted(claim.email, { tx })) return;
    throw forbidden("Sign-up is limited to approved email addresses and domains.");
  }
  throw forbidden("Sign-up is by invitation only: use the link in your invitation email.");
}

async function hasPendingInvitation(tx: Tx, where: { email: string; tokenHash?: string }): Promise<boolean> {
  const invitation = await tx.invitation.findFirst({
    where: { ...where, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true },
  });
  return invitation !== null;
}
