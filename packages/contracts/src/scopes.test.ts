import { describe, expect, it } from "vitest";
import { ROLE_SCOPES, ROLES, SCOPES } from "./scopes";

describe("role scopes", () => {
  it("gives owners every scope and nobody a scope that does not exist", () => {
    expect([...ROLE_SCOPES.owner].sort()).toEqual([...SCOPES].sort());
    for (const role of ROLES) for (const scope of ROLE_SCOPES[role]) expect(SCOPES).toContain(scope);
  });

  it("orders roles by inclusion: viewer ⊂ member ⊂ admin ⊂ owner", () => {
    const chain = ["viewer", "member", "admin", "owner"] as const;
    for (let i = 1; i < chain.length; i++) {
      const lower = ROLE_SCOPES[chain[i - 1]!];
      const higher = ROLE_SCOPES[chain[i]!];
      for (const scope of lower) expect(higher).toContain(scope);
      expect(higher.length).toBeGreaterThan(lower.length);
    }
  });

  it("keeps viewers read-only", () => {
    expect(ROLE_SCOPES.viewer.every((scope) => scope.endsWith(":read"))).toBe(true);
  });

  it("keeps org administration with owners", () => {
    expect(ROLE_SCOPES.admin).not.toContain("org:admin");
  });
});
