/** Accounts are keyed by the trimmed, lower-cased address (the users.email unique index relies on it). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
