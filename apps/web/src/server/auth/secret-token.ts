import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Bearer secrets (API keys `bwk_…`, sidecar tokens `bws_…`): a public lookup part and a secret
 * part. Only the SHA-256 of the whole token is stored — the secret has 160 random bits, so a
 * fast hash is enough; a slow password hash would only make every request slower.
 *
 *   bwk_ 0123456789 abcdefghjkmnpqrstvwxyz0123456789
 *   kind  lookup(10) secret(32)
 */
export type SecretTokenKind = "bwk" | "bws";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const LOOKUP_LENGTH = 10;
const SECRET_LENGTH = 32;
const TOKEN_PATTERN = /^(bwk|bws)_([0-9a-hjkmnp-tv-z]{10})([0-9a-hjkmnp-tv-z]{32})$/;

function randomChars(length: number): string {
  // 256 is a multiple of 32, so `byte % 32` is uniform.
  return Array.from(randomBytes(length), (byte) => ALPHABET[byte % 32]).join("");
}

export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function generateSecretToken(kind: SecretTokenKind): { token: string; prefix: string; hash: string } {
  const prefix = `${kind}_${randomChars(LOOKUP_LENGTH)}`;
  const token = `${prefix}${randomChars(SECRET_LENGTH)}`;
  return { token, prefix, hash: hashSecretToken(token) };
}

/** The stored lookup prefix of a well-formed token of `kind`, or null for anything else. */
export function secretTokenPrefix(token: string, kind: SecretTokenKind): string | null {
  const match = TOKEN_PATTERN.exec(token);
  if (!match || match[1] !== kind) return null;
  return `${kind}_${match[2]}`;
}

/** Constant-time comparison of a presented token with a stored hash. */
export function secretTokenMatches(token: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecretToken(token), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
