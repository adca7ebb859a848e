import "server-only";
import type { SignUpInput, SignUpResult } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import { hashPassword } from "@/server/auth/password-hash";
import { sendEmail } from "@/server/email/send-email";
import { signUpAttemptNotice, verificationEmail } from "@/server/email/messages";
import { acceptInvitation } from "@/server/services/invitations/accept-invitation";
import type { AccountOptions, RequestFacts } from "./account-options";
import { admitSignUp } from "./admit-sign-up";
import { createAccount } from "./create-account";
import { createEmailVerificationToken, emailVerificationUrl } from "./email-verification-token";
import { normalizeEmail } from "./normalize-email";
import { assertPasswordPolicy } from "./password-policy";
import { recordAuthEvent } from "./record-auth-event";

/**
 * Email + password sign-up. A new address gets an account and a verification link; an address
 * that already has an account gets a notice instead and nothing changes. Both paths hash the
 * password, write one audit entry, send one email and answer the same thing, so neither the
 * response nor its timing says whether the address was known. Refusals (password policy,
 * sign-up mode) depend only on the request and the platform settings.
 */
export async function signUp(
  ctx: RequestFacts,
  input: SignUpInput,
  options: AccountOptions & { appOrigin: string },
): Promise<SignUpResult> {
  const email = normalizeEmail(input.email);
  assertPasswordPolicy(input.password, email);
  const passwordHash = await hashPassword(input.password);

  const outcome = await prisma.$transaction(async (tx) => {
    const result = await createAccount(
      tx,
      { email, name: input.name ?? null, passwordHash, emailVerified: false },
      { adminEmail: options.adminEmail, admit: (tx) => admitSignUp(tx, { email, invitationToken: input.invitationToken }), method: "password", request: ctx },
    );
    if (!result.created) {
      await recordAuthEvent(tx, { action: "auth.signup_existing", target: { type: "user", id: result.existing.id }, params: { method: "password" }, request: ctx });
      return { created: false } as const;
    }
    const { user } = result;
    if (input.invitationToken !== undefined) {
      await acceptInvitation({ ...ctx, userId: user.id, isPlatformAdmin: user.isPlatformAdmin, orgId: null }, { token: input.invitationToken }, { tx });
    }
    return { created: true, token: await createEmailVerificationToken(tx, user) } as const;
  });

  // After commit: a mail never announces an account that rolled back.
  await sendEmail(
    outcome.created
      ? verificationEmail(email, emailVerificationUrl(options.appOrigin, outcome.token))
      : signUpAttemptNotice(email, new URL("/sign-in", options.appOrigin).toString()),
  );
  return { status: options.verificationRequired ? "pending_verification" : "created" };
}
