import { createHash, randomBytes } from "node:crypto";

/** How long an invitation link works. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * A fresh invitation secret: 32 random bytes in base64url (43 characters). Only its SHA-256 is
 * stored; with 256 random bits a fast hash is enough, and lookup by hash needs no prefix.
 */
export function generateInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * The link an invitee opens. The token rides in the query string of a page of this app; pages
 * send `Referrer-Policy: strict-origin-when-cross-origin`, so it never leaves in a Referer.
 */
export function invitationAcceptUrl(appOrigin: string, token: string): string {
  const url = new URL("/invitations/accept", appOrigin);
  url.searchParams.set("token", token);
  return url.toString();
}
