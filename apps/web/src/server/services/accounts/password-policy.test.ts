import { AppError } from "@bulwark/contracts";
import { describe, expect, it } from "vitest";
import { assertPasswordPolicy, passwordProblem } from "./password-policy";

const email = "ada.lovelace@example.com";

describe("password policy (NIST SP 800-63B)", () => {
  it("accepts long, unremarkable passwords of any composition", () => {
    for (const password of ["tangerine orbit glacier 41", "alllowercaseletters", "ÄÖÜ mit Umlauten ja", "🙂🙂🙂 emoji and words", "correct-staple-9"]) {
      expect(passwordProblem(password, email), password).toBeNull();
    }
  });

  it("counts characters, not UTF-16 units, against the 12–128 range", () => {
    expect(passwordProblem("🔐🙂🔑".repeat(4), email)).toBeNull();
    expect(passwordProblem("🔐🙂".repeat(5), email)).toMatch(/at least 12/);
    expect(passwordProblem("short one", email)).toMatch(/at least 12/);
    expect(passwordProblem("a b".repeat(43), email)).toMatch(/at most 128/);
  });

  it("refuses the address, its local part and common passwords, whatever their case", () => {
    expect(passwordProblem(email, email)).toMatch(/email/);
    expect(passwordProblem(email.toUpperCase(), email)).toMatch(/email/);
    expect(passwordProblem("ADA.LOVELACE", email)).toMatch(/email/);
    expect(passwordProblem(`my ${email} 1`, email)).toMatch(/email/);
    expect(passwordProblem("Password1234", email)).toMatch(/common/);
    expect(passwordProblem("qwertyuiopas", email)).toMatch(/common/);
    expect(passwordProblem("BulwarkBulwark", email)).toMatch(/common/);
    expect(passwordProblem("zzzzzzzzzzzzzz", email)).toMatch(/predictable/);
    expect(passwordProblem("abababababababab", email)).toMatch(/predictable/);
  });

  it("throws a 422 naming the password field", () => {
    let error: unknown;
    try {
      assertPasswordPolicy("Password1234", email);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "validation_failed", details: { in: "body", fields: [{ path: "password", code: "weak_password" }] } });
  });
});
