import "server-only";
import { prisma } from "@bulwark/db";
import { z } from "zod";
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from "@/server/auth/password-hash";
import { log } from "@/server/log";
import { checkRateLimit } from "@/server/rate-limit";
import type { AccountOptions, RequestFacts } from "./account-options";
import { emailFingerprint } from "./email-fingerprint";
import { normalizeEmail } from "./normalize-email";
import { recordAuthEvent } from "./record-auth-event";

// Bounds, not policy: a password set under an older policy must still sign in.
const Credentials = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) });

export interface SignInRequest extends RequestFacts {
  /** The address rate limits key on (clientIp()), which may differ from the audited one. */
  rateLimitIp?: string | undefined;
}

export interface AuthorizeOptions extends Pick<AccountOptions, "verificationRequired" | "fingerprintKey"> {
  /** The argon2 verifier; tests pass a spy to see that unknown addresses pay for it too. */
  verify?: (storedHash: string, password: string) => Promise<boolean>;
}

export interface SignedInUser {
  id: string;
  email: string;
  name: string | null;
  image: string | null;
}

type Failure = "throttled" | "malformed" | "unknown_email" | "no_password" | "wrong_password" | "email_unverified";

/**
 * Email + password sign-in, as next-auth's Credentials provider calls it. Every failure —
 * throttled, unknown address, wrong password, unverified address — returns null, which
 * next-auth answers with one generic error. An unknown address or an account without a password
 * is verified against a dummy hash, so it costs the same argon2 work as a wrong password.
 *
 * Throttled attempts are logged but not audited: the limiter bounds how many audited attempts
 * an attacker can cause, and writing one row per refused request would undo that bound.
 */
export async function authorizeCredentials(credentials: unknown, request: SignInRequest, options: AuthorizeOptions): Promise<SignedInUser | null> {
  const parsed = Credentials.safeParse(credentials);
  const email = parsed.success ? normalizeEmail(parsed.data.email) : undefined;
  const fingerprint = email ? emailFingerprint(email, options.fingerprintKey) : undefined;

  const limit = await checkRateLimit("auth.signin", { ip: request.rateLimitIp, email });
  if (!limit.success) {
    log.warn({ requestId: request.requestId, ip: request.ip, emailFingerprint: fingerprint, degraded: limit.degraded }, "sign-in throttled");
    return null;
  }
  if (!parsed.success || !email) return fail(null, "malformed", request, fingerprint);

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, image: true, passwordHash: true, emailVerifiedAt: true },
  });
  const verify = options.verify ?? verifyPassword;
  const passwordMatches = await verify(user?.passwordHash ?? (await dummyPasswordHash()), parsed.data.password);

  if (!user) return fail(null, "unknown_email", request, fingerprint);
  if (!user.passwordHash) return fail(user.id, "no_password", request, fingerprint);
  if (!passwordMatches) return fail(user.id, "wrong_password", request, fingerprint);
  if (options.verificationRequired && !user.emailVerifiedAt) return fail(user.id, "email_unverified", request, fingerprint);

  // Hashes made with older settings are upgraded while the plaintext is at hand.
  const rehashed = needsRehash(user.passwordHash) ? await hashPassword(parsed.data.password) : undefined;
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date(), ...(rehashed ? { passwordHash: rehashed } : {}) } });
    await recordAuthEvent(tx, { action: "auth.signin", userId: user.id, target: { type: "user", id: user.id }, params: { method: "password" }, request });
  });
  return { id: user.id, email: user.email, name: user.name, image: user.image };
}

async function fail(userId: string | null, reason: Failure, request: RequestFacts, fingerprint: string | undefined): Promise<null> {
  // Anonymous actor: a failed attempt proves nothing about who made it. The target says which
  // account was tried when there is one; the address itself is stored only as a fingerprint.
  await prisma.$transaction((tx) =>
    recordAuthEvent(tx, {
      action: "auth.signin_failed",
      ...(userId ? { target: { type: "user", id: userId } } : {}),
      params: { method: "password", reason, emailFingerprint: fingerprint ?? null },
      request,
    }),
  );
  return null;
}
