import { AppError, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@bulwark/contracts";
import { COMMON_PASSWORDS } from "./common-passwords";

/**
 * Why `password` is not acceptable for the account `email`, or null when it is. NIST SP 800-63B:
 * a minimum length, a generous maximum, no composition rules, and no password that is common or
 * derived from the context (the address itself, its local part, the product's name). Length is
 * counted in code points, so an emoji is one character, as a person counts it.
 */
export function passwordProblem(password: string, email: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  const folded = password.trim().toLowerCase();
  const address = email.trim().toLowerCase();
  const localPart = address.split("@")[0] ?? "";
  if (folded === address || folded === localPart || folded.includes(address)) return "must not be your email address";
  if (COMMON_PASSWORDS.has(folded)) return "is too common; choose a longer, less predictable one";
  if (new Set(folded).size <= 2) return "repeats too few characters; choose a less predictable one";
  return null;
}

/** Throws the same 422 shape as a schema failure of the `password` field. */
export function assertPasswordPolicy(password: string, email: string): void {
  const problem = passwordProblem(password, email);
  if (!problem) return;
  throw new AppError("validation_failed", `Invalid body: password: ${problem}`, {
    details: { in: "body", fields: [{ path: "password", code: "weak_password", message: problem }] },
  });
}
