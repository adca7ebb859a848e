import { createHmac } from "node:crypto";

/**
 * A keyed digest of an address for audit entries about sign-ins that name no known account, or
 * that failed: repeated attempts against one address correlate, but the address is not stored.
 * Keyed, because a plain SHA-256 of an email reverses with a list of candidate addresses. 24 hex
 * characters: enough to tell addresses apart, and short of the audit redactor's length rule.
 */
export function emailFingerprint(email: string, key: string): string {
  return createHmac("sha256", key).update(email.trim().toLowerCase()).digest("hex").slice(0, 24);
}
