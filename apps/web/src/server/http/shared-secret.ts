import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Compares a presented secret with the configured one. Both sides are hashed to a fixed length
 * first, so the comparison takes the same time whatever the length or content.
 */
export function secretMatches(presented: string, secret: string): boolean {
  return timingSafeEqual(digest(presented), digest(secret));
}

/** The token of an `Authorization: Bearer <token>` header, if that is what was sent. */
export function bearerToken(headers: Headers): string | undefined {
  return /^Bearer\s+(.+)$/i.exec(headers.get("authorization") ?? "")?.[1]?.trim();
}

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
