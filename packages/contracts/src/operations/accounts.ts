import { z } from "zod";
import { defineOperation } from "../operation";

/** Trimmed and lower-cased before it is checked, so `Alice@Example.com ` and `alice@example.com` are one account. */
export const EmailAddress = z.string().trim().toLowerCase().pipe(z.email().max(254));

/**
 * NIST SP 800-63B: length, not composition rules. The service also refuses the account's own
 * email address and a list of very common passwords.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
export const NewPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

export const SignUpInput = z
  .strictObject({
    email: EmailAddress,
    password: NewPassword.describe(`${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters; not your email address, not a common password.`),
    name: z.string().trim().min(1).max(100).optional(),
    invitationToken: z.string().min(1).max(200).optional().describe("The token from an invitation email; needed when sign-up is by invitation only."),
  })
  .meta({ id: "SignUpInput" });
export type SignUpInput = z.infer<typeof SignUpInput>;

export const SignUpResult = z
  .object({
    /**
     * `pending_verification`: a verification link was emailed and must be used before signing
     * in. `created`: sign in now (no email delivery is configured). The answer is the same
     * whether or not the address already had an account.
     */
    status: z.enum(["pending_verification", "created"]),
  })
  .meta({ id: "SignUpResult" });
export type SignUpResult = z.infer<typeof SignUpResult>;

export const VerifyEmailInput = z
  .strictObject({ token: z.string().min(1).max(200).describe("The token from the verification link.") })
  .meta({ id: "VerifyEmailInput" });
export type VerifyEmailInput = z.infer<typeof VerifyEmailInput>;

export const signUp = defineOperation({
  id: "signUp",
  method: "POST",
  path: "/api/v1/auth/sign-up",
  tag: "Accounts",
  summary: "Create an account with email and password",
  description:
    "Allowed by the platform's sign-up mode (open, invite only, or allowlist); the first account ever becomes the platform administrator. " +
    "The answer does not say whether the address already had an account: for an existing one nothing changes and its owner is notified. " +
    "Sign in afterwards through `/api/auth` (the dashboard's sign-in form).",
  auth: "public",
  body: SignUpInput,
  exampleBody: { email: "ada@example.com", password: "tangerine orbit glacier 41", name: "Ada Lovelace" },
  success: { status: 202, description: "Accepted.", schema: SignUpResult },
  exampleResponse: { status: "pending_verification" },
  // 403: the sign-up mode does not admit this address; 503: rate limiting is unavailable.
  errors: [403, 429, 503],
});

export const verifyEmail = defineOperation({
  id: "verifyEmail",
  method: "POST",
  path: "/api/v1/auth/verify-email",
  tag: "Accounts",
  summary: "Verify an email address",
  description: "Uses the token from a verification link. Each token works once, within 24 hours.",
  auth: "public",
  body: VerifyEmailInput,
  exampleBody: { token: "q3Vh8VgV0nYgqH2dQW1t2Jm3w0Xx2c1b9m5Zs7Tq4kE" },
  success: { status: 204, description: "Verified." },
  // 400: the token is unknown, used or expired (one answer for all three).
  errors: [429],
});
