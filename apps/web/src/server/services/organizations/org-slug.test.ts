import { describe, expect, it } from "vitest";
import { slugCandidates, slugify } from "./org-slug";

describe("organization slugs", () => {
  it("keep lower-case letters and digits, folding accents and runs of anything else into one dash", () => {
    expect(slugify("Acme Security")).toBe("acme-security");
    expect(slugify("  Ächme -- Sécurité!! 2 ")).toBe("achme-securite-2");
    expect(slugify("../../etc/passwd")).toBe("etc-passwd");
  });

  it("fall back to a fixed word when nothing is left, and stay short without a trailing dash", () => {
    expect(slugify("!!!")).toBe("org");
    expect(slugify("日本")).toBe("org");
    const long = slugify(`${"a".repeat(39)} b c d`);
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long.endsWith("-")).toBe(false);
  });

  it("offer the plain slug first, then distinct suffixed ones", () => {
    const candidates = slugCandidates("Acme");
    expect(candidates[0]).toBe("acme");
    expect(candidates.slice(1).every((slug) => /^acme-[0-9a-z]{6}$/.test(slug))).toBe(true);
    expect(new Set(candidates).size).toBe(candidates.length);
  });
});
