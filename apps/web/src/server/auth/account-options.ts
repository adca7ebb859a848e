import "server-only";
import { env } from "@/env";
import { isEmailDeliveryConfigured } from "@/server/email/send-email";
import type { AccountOptions } from "@/server/services/accounts/account-options";

/** The account rules this deployment runs with, from its environment. */
export function accountOptionsFromEnv(): AccountOptions {
  return {
    adminEmail: env.BULWARK_ADMIN_EMAIL,
    verificationRequired: isEmailDeliveryConfigured(),
    fingerprintKey: env.AUTH_SECRET,
  };
}

/**
 * Where links in emails and logs point: AUTH_URL when set (always, with SMTP: env.ts insists),
 * else the request's own origin, which only ever reaches the server log.
 */
export function appOrigin(req: Request): string {
  return new URL(env.AUTH_URL ?? req.url).origin;
}
