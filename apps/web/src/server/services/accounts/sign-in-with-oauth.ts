import "server-only";
import { AppError } from "@bulwark/contracts";
import { newId, prisma, type User } from "@bulwark/db";
import type { Tx } from "@/server/db/transaction";
import type { AccountOptions, RequestFacts } from "./account-options";
import { admitSignUp } from "./admit-sign-up";
import { createAccount } from "./create-account";
import { emailFingerprint } from "./email-fingerprint";
import { normalizeEmail } from "./normalize-email";
import { recordAuthEvent } from "./record-auth-event";

export interface OAuthIdentity {
  /** next-auth's provider id: "github", "google", "oidc". */
  provider: string;
  type: "oauth" | "oidc";
  providerAccountId: string;
  email: string | null | undefined;
  /** Whether the provider vouches that the address belongs to this person. */
  emailVerified: boolean;
  name?: string | null;
  image?: string | null;
}

type Refusal = "email_unverified" | "signup_not_allowed" | "link_needs_verified_account";

/**
 * The Bulwark user an OAuth sign-in resolves to, or null when it is refused. Provider tokens
 * are never stored: the Account row is only the link (provider, providerAccountId) → user.
 *
 * - A linked identity signs its user in.
 * - Otherwise the provider must vouch for the address. An account with that address is then
 *   linked — unless it has a password and an unverified address: that account may have been
 *   registered by someone else in the victim's name, and linking would hand the victim's
 *   sign-in to the holder of its password (pre-account hijacking).
 * - Otherwise a new account is created, subject to the sign-up mode.
 */
export async function signInWithOAuth(identity: OAuthIdentity, request: RequestFacts, options: AccountOptions): Promise<string | null> {
  const linked = await prisma.account.findUnique({
    where: { provider_providerAccountId: { provider: identity.provider, providerAccountId: identity.providerAccountId } },
    select: { userId: true },
  });
  if (linked) {
    await recordSignIn(linked.userId, identity.provider, request);
    return linked.userId;
  }

  const email = identity.email ? normalizeEmail(identity.email) : null;
  if (!email || !identity.emailVerified) return refuse("email_unverified", identity, email, request, options);

  try {
    const outcome = await prisma.$transaction(async (tx) => {
      const known = await tx.user.findUnique({ where: { email } });
      const result = known
        ? ({ created: false, existing: known } as const)
        : await createAccount(
            tx,
            { email, name: identity.name ?? null, image: identity.image ?? null, passwordHash: null, emailVerified: true },
            { adminEmail: options.adminEmail, admit: (tx) => admitSignUp(tx, { email, provenEmail: true }), method: identity.provider, request },
          );
      const user = result.created ? result.user : result.existing;
      if (!result.created && user.passwordHash && !user.emailVerifiedAt) return null;
      await link(tx, user, identity, options, request);
      return user.id;
    });
    if (!outcome) return refuse("link_needs_verified_account", identity, email, request, options);
    await recordSignIn(outcome, identity.provider, request);
    return outcome;
  } catch (error) {
    if (error instanceof AppError && error.code === "forbidden") return refuse("signup_not_allowed", identity, email, request, options);
    throw error;
  }
}

async function link(tx: Tx, user: User, identity: OAuthIdentity, options: AccountOptions, request: RequestFacts): Promise<void> {
  await tx.account.create({
    data: { id: newId("account"), userId: user.id, type: identity.type, provider: identity.provider, providerAccountId: identity.providerAccountId },
  });
  // The provider has just proven the address: verify it, and grant what proving it grants.
  const grantAdmin = !user.isPlatformAdmin && options.adminEmail === user.email;
  if (!user.emailVerifiedAt || grantAdmin) {
    await tx.user.update({ where: { id: user.id }, data: { emailVerifiedAt: user.emailVerifiedAt ?? new Date(), ...(grantAdmin ? { isPlatformAdmin: true } : {}) } });
  }
  await recordAuthEvent(tx, { action: "auth.oauth_link", userId: user.id, target: { type: "user", id: user.id }, params: { provider: identity.provider }, request });
  if (grantAdmin) {
    await recordAuthEvent(tx, { action: "platform_admin.grant", userId: user.id, target: { type: "user", id: user.id }, params: { reason: "admin_email" }, request });
  }
}

async function recordSignIn(userId: string, provider: string, request: RequestFacts): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { lastSignInAt: new Date() } });
    await recordAuthEvent(tx, { action: "auth.signin", userId, target: { type: "user", id: userId }, params: { method: provider }, request });
  });
}

async function refuse(reason: Refusal, identity: OAuthIdentity, email: string | null, request: RequestFacts, options: AccountOptions): Promise<null> {
  await prisma.$transaction((tx) =>
    recordAuthEvent(tx, {
      action: "auth.signin_failed",
      params: { method: identity.provider, reason, emailFingerprint: email ? emailFingerprint(email, options.fingerprintKey) : null },
      request,
    }),
  );
  return null;
}
