import "server-only";
import { AppError, type VerifyEmailInput } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import type { AccountOptions, RequestFacts } from "./account-options";
import { hashEmailVerificationToken } from "./email-verification-token";
import { recordAuthEvent } from "./record-auth-event";

// One answer for unknown, used and expired tokens.
const invalidLink = () => new AppError("bad_request", "This verification link is invalid, expired or already used.");

/**
 * Marks the address a verification token was minted for as verified. The token is claimed by one
 * conditional UPDATE (unused and unexpired), so of any number of concurrent uses exactly one
 * succeeds. Proving the BULWARK_ADMIN_EMAIL address is what makes its account a platform
 * administrator when it signed up with a password.
 */
export async function verifyEmail(ctx: RequestFacts, input: VerifyEmailInput, options: Pick<AccountOptions, "adminEmail">): Promise<void> {
  const tokenHash = hashEmailVerificationToken(input.token);
  await prisma.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ userId: string; email: string }[]>`
      UPDATE email_verification_tokens
         SET used_at = now(), updated_at = now()
       WHERE token_hash = ${tokenHash} AND used_at IS NULL AND expires_at > now()
      RETURNING user_id AS "userId", email`;
    const token = claimed[0];
    if (!token) throw invalidLink();
    const user = await tx.user.findUnique({ where: { id: token.userId } });
    // A token verifies the address it was sent to, only while the account still has it.
    if (!user || user.email !== token.email) throw invalidLink();

    const grantAdmin = !user.isPlatformAdmin && options.adminEmail === user.email;
    await tx.user.update({
      where: { id: user.id },
      data: { emailVerifiedAt: user.emailVerifiedAt ?? new Date(), ...(grantAdmin ? { isPlatformAdmin: true } : {}) },
    });
    // The caller holds a link, not a session: anonymous, with the account as the target.
    await recordAuthEvent(tx, { action: "auth.email_verify", target: { type: "user", id: user.id }, request: ctx });
    if (grantAdmin) {
      await recordAuthEvent(tx, { action: "platform_admin.grant", target: { type: "user", id: user.id }, params: { reason: "admin_email" }, request: ctx });
    }
  });
}
