/** The deployment's account rules; services receive them instead of reading the environment. */
export interface AccountOptions {
  /** BULWARK_ADMIN_EMAIL, lower-cased: a platform administrator once the address is proven. */
  adminEmail?: string | undefined;
  /** SMTP is configured: an account must verify its address before it can sign in. */
  verificationRequired: boolean;
  /** Keys the email fingerprints in failed sign-in audit entries (AUTH_SECRET). */
  fingerprintKey: string;
}

/** The request facts the audit log keeps, for callers without a signed-in user. */
export interface RequestFacts {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}
