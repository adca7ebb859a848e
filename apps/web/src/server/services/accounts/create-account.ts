import "server-only";
import { newId, type User } from "@bulwark/db";
import type { Tx } from "@/server/db/transaction";
import type { RequestFacts } from "./account-options";
import { recordAuthEvent } from "./record-auth-event";

export interface NewAccount {
  /** Normalised (see normalizeEmail). */
  email: string;
  name?: string | null;
  image?: string | null;
  /** argon2id; null for an account that signs in only through OAuth. */
  passwordHash: string | null;
  /** The address is already proven: by an OAuth provider, or by the operator (bootstrap CLI). */
  emailVerified: boolean;
}

export interface CreateAccountOptions {
  adminEmail?: string | undefined;
  /**
   * Throws when this sign-up is not allowed (the sign-up mode). Runs under the lock, before the
   * address is looked up, so its answer never depends on whether the account exists. The very
   * first account is always allowed and this is not called for it.
   */
  admit: (tx: Tx) => Promise<void>;
  /** How the account is created, for the audit entry: "password", "cli", or an OAuth provider id. */
  method: string;
  request: RequestFacts;
}

export type CreateAccountResult = { created: true; user: User } | { created: false; existing: User };

// One key for every account creation on the platform: sign-ups are rare, and serialising them is
// what makes "the first account" a fact rather than a race (two concurrent first sign-ups would
// otherwise both see an empty table and both become administrators).
const ACCOUNT_CREATION_LOCK = "bulwark:account_creation";

/**
 * The one way an account comes into being (sign-up form, OAuth, bootstrap CLI). Runs in the
 * caller's transaction, which must be a real one: the advisory lock it takes is held until that
 * transaction ends. The first account ever becomes a platform administrator, as does the
 * BULWARK_ADMIN_EMAIL address when it is already proven (otherwise verify-email grants it).
 * An existing address is reported, not changed: the caller decides what that means.
 */
export async function createAccount(tx: Tx, account: NewAccount, options: CreateAccountOptions): Promise<CreateAccountResult> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${ACCOUNT_CREATION_LOCK}))`;
  const isFirstAccount = (await tx.user.findFirst({ select: { id: true } })) === null;
  if (!isFirstAccount) await options.admit(tx);

  const existing = await tx.user.findUnique({ where: { email: account.email } });
  if (existing) return { created: false, existing };

  const isPlatformAdmin = isFirstAccount || (account.emailVerified && options.adminEmail === account.email);
  const user = await tx.user.create({
    data: {
      id: newId("user"),
      email: account.email,
      name: account.name ?? null,
      image: account.image ?? null,
      passwordHash: account.passwordHash,
      emailVerifiedAt: account.emailVerified ? new Date() : null,
      isPlatformAdmin,
    },
  });
  await recordAuthEvent(tx, {
    action: "auth.signup",
    userId: user.id,
    target: { type: "user", id: user.id },
    params: {
      method: options.method,
      emailVerified: account.emailVerified,
      platformAdmin: isPlatformAdmin ? (isFirstAccount ? "first_account" : "admin_email") : false,
    },
    request: options.request,
  });
  return { created: true, user };
}
