import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { newId } from "@bulwark/db";
import type { Tx } from "@/server/db/transaction";

export const EMAIL_VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;

export function hashEmailVerificationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * A single-use verification secret for the user's current address: 32 random bytes in
 * base64url, stored only as its SHA-256 (256 random bits need no slow hash), valid 24 hours.
 */
export async function createEmailVerificationToken(tx: Tx, user: { id: string; email: string }, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.emailVerificationToken.create({
    data: {
      id: newId("emailToken"),
      userId: user.id,
      email: user.email,
      tokenHash: hashEmailVerificationToken(token),
      expiresAt: new Date(now.getTime() + EMAIL_VERIFICATION_TTL_MS),
    },
  });
  return token;
}

/** The page that posts the token to /api/v1/auth/verify-email; mail scanners that follow links only GET it. */
export function emailVerificationUrl(appOrigin: string, token: string): string {
  const url = new URL("/verify-email", appOrigin);
  url.searchParams.set("token", token);
  return url.toString();
}
