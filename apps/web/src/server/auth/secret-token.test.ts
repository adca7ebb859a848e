import { describe, expect, it } from "vitest";
import { generateSecretToken, hashSecretToken, secretTokenMatches, secretTokenPrefix } from "./secret-token";

describe("secret tokens", () => {
  it("have a recognisable kind, a lookup prefix and 160 bits of secret", () => {
    const { token, prefix, hash } = generateSecretToken("bwk");
    expect(token).toMatch(/^bwk_[0-9a-z]{42}$/);
    expect(token.startsWith(prefix)).toBe(true);
    expect(prefix).toHaveLength(14);
    expect(hash).toBe(hashSecretToken(token));
    expect(hash).not.toContain(token.slice(prefix.length));
  });

  it("finds the prefix only for well-formed tokens of the expected kind", () => {
    const { token, prefix } = generateSecretToken("bws");
    expect(secretTokenPrefix(token, "bws")).toBe(prefix);
    expect(secretTokenPrefix(token, "bwk")).toBeNull();
    expect(secretTokenPrefix(`${token}x`, "bws")).toBeNull();
    expect(secretTokenPrefix("bws_' OR 1=1 --", "bws")).toBeNull();
    expect(secretTokenPrefix("", "bws")).toBeNull();
  });

  it("matches only the exact token", () => {
    const { token, hash } = generateSecretToken("bwk");
    expect(secretTokenMatches(token, hash)).toBe(true);
    const last = token.at(-1) === "a" ? "b" : "a";
    expect(secretTokenMatches(token.slice(0, -1) + last, hash)).toBe(false);
    expect(secretTokenMatches(token, "not-hex")).toBe(false);
  });

  it("never repeats", () => {
    const tokens = new Set(Array.from({ length: 2000 }, () => generateSecretToken("bwk").token));
    expect(tokens.size).toBe(2000);
  });
});
