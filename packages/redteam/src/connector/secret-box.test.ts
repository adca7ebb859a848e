import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { isSealedSecret, openSecret, sealSecret, SecretError } from "./secret-box";

const key = crypto.randomBytes(32);

describe("sealSecret / openSecret", () => {
  it("round-trips, including non-ASCII and empty values", () => {
    for (const value of ["Bearer sk-test-123", "pässwörd 🔑", ""]) {
      const sealed = sealSecret(value, key);
      expect(sealed).toMatch(/^v1:[A-Za-z0-9_-]+$/);
      expect(isSealedSecret(sealed)).toBe(true);
      expect(sealed).not.toContain(value || "\u0000");
      expect(openSecret(sealed, key)).toBe(value);
    }
  });

  it("uses a fresh IV each time", () => {
    expect(sealSecret("same", key)).not.toBe(sealSecret("same", key));
  });

  it("rejects a wrong key", () => {
    const sealed = sealSecret("Bearer sk-test-123", key);
    expect(() => openSecret(sealed, crypto.randomBytes(32))).toThrow(SecretError);
  });

  it("detects tampering with any byte of IV, ciphertext or tag", () => {
    const sealed = sealSecret("Bearer sk-test-123", key);
    const raw = Buffer.from(sealed.slice(3), "base64url");
    for (const position of [0, 11, 12, raw.length - 17, raw.length - 1]) {
      const flipped = Buffer.from(raw);
      flipped[position] = (flipped[position] ?? 0) ^ 0x01;
      expect(() => openSecret(`v1:${flipped.toString("base64url")}`, key)).toThrow(SecretError);
    }
    expect(() => openSecret(`v1:${raw.subarray(0, raw.length - 1).toString("base64url")}`, key)).toThrow(SecretError);
  });

  it("rejects other formats and keys of the wrong size", () => {
    expect(() => openSecret("plaintext", key)).toThrow(SecretError);
    expect(() => openSecret(`v2:${sealSecret("x", key).slice(3)}`, key)).toThrow(SecretError);
    expect(() => openSecret("v1:short", key)).toThrow(SecretError);
    expect(() => sealSecret("x", crypto.randomBytes(16))).toThrow(SecretError);
    expect(() => openSecret(sealSecret("x", key), crypto.randomBytes(31))).toThrow(SecretError);
  });
});
