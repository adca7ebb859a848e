import { describe, expect, it } from "vitest";
import { isId, newId } from "./ids";

describe("newId", () => {
  it("prefixes the kind and encodes 128 bits in 26 base32 characters", () => {
    const id = newId("project");
    expect(id).toMatch(/^prj_[0-9a-hjkmnp-tv-z]{26}$/);
    expect(isId("project", id)).toBe(true);
    expect(isId("run", id)).toBe(false);
  });

  it("sorts by creation time", () => {
    const earlier = newId("run", 1_700_000_000_000);
    const later = newId("run", 1_700_000_000_001);
    expect(earlier < later).toBe(true);
  });

  it("does not repeat", () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId("org")));
    expect(ids.size).toBe(10_000);
  });

  it("rejects look-alikes", () => {
    expect(isId("org", "org_")).toBe(false);
    expect(isId("org", "org_' OR 1=1 --")).toBe(false);
    expect(isId("org", `org_${"u".repeat(26)}`)).toBe(false);
  });
});
