import { afterEach, describe, expect, it } from "vitest";
import { identityKeys } from "./identity-keys";
import { mostRestrictive } from "./most-restrictive";
import { clearPolicyOverrides, getPolicy, POLICY_NAMES, setPolicyOverride } from "./policies";

afterEach(() => clearPolicyOverrides());

describe("policy registry", () => {
  it("has the named policies with their documented failure modes", () => {
    expect(POLICY_NAMES).toEqual(expect.arrayContaining(["auth.signin", "auth.signup", "api.read", "api.write", "ingest", "admin"]));
    expect(getPolicy("auth.signin").onBackendFailure).toBe("memory");
    expect(getPolicy("api.read").onBackendFailure).toBe("open");
    expect(getPolicy("api.write").onBackendFailure).toBe("memory");
    expect(getPolicy("ingest").onBackendFailure).toBe("memory");
    expect(getPolicy("auth.signup").onBackendFailure).toBe("closed");
  });

  it("limits sign-in per IP and per email", () => {
    const { rules } = getPolicy("auth.signin");
    expect(rules.ip).toBeDefined();
    expect(rules.email).toBeDefined();
  });

  it("gives every policy sane rules, and every authenticated policy a per-principal rule", () => {
    for (const name of POLICY_NAMES) {
      const policy = getPolicy(name);
      const rules = Object.values(policy.rules);
      expect(rules.length, name).toBeGreaterThan(0);
      for (const rule of rules) {
        expect(Number.isInteger(rule.limit) && rule.limit > 0, name).toBe(true);
        expect(rule.windowMs, name).toBeGreaterThanOrEqual(1_000);
      }
      if (policy.rules.org) expect(policy.rules.principal, name).toBeDefined();
      if (policy.rules.org && policy.rules.principal) expect(policy.rules.org.limit, name).toBeGreaterThanOrEqual(policy.rules.principal.limit);
    }
  });

  it("applies and clears test overrides", () => {
    setPolicyOverride("api.read", { algorithm: "fixed", rules: { principal: { limit: 3, windowMs: 1_000 } } });
    expect(getPolicy("api.read")).toMatchObject({ algorithm: "fixed", onBackendFailure: "open", rules: { principal: { limit: 3 } } });
    expect(getPolicy("api.read").rules.org).toBeUndefined();
    clearPolicyOverrides();
    expect(getPolicy("api.read").algorithm).toBe("sliding");
  });

  it("refuses an unknown policy name", () => {
    expect(() => getPolicy("api.nope" as never)).toThrow(/unknown rate limit policy/);
  });
});

describe("identityKeys", () => {
  it("keys anonymous callers per IP", () => {
    const keys = identityKeys(getPolicy("api.read"), { ip: "192.0.2.1" });
    expect(keys.map((k) => [k.dimension, k.id])).toEqual([["ip", "192.0.2.1"]]);
  });

  it("keys authenticated callers per principal AND per organization, not per IP", () => {
    const keys = identityKeys(getPolicy("api.write"), { ip: "192.0.2.1", principalId: "key_1", orgId: "org_1" });
    expect(keys.map((k) => [k.dimension, k.id])).toEqual([
      ["principal", "key_1"],
      ["org", "org_1"],
    ]);
    expect(keys[0]!.rule).toBe(getPolicy("api.write").rules.principal);
  });

  it("puts callers with no usable address in one shared bucket rather than unlimited", () => {
    expect(identityKeys(getPolicy("auth.signup"), {})).toEqual([{ dimension: "ip", id: "unknown", rule: getPolicy("auth.signup").rules.ip }]);
  });

  it("keys sign-in per IP and per normalised, hashed email", () => {
    const keys = identityKeys(getPolicy("auth.signin"), { ip: "192.0.2.1", email: " Alice@Example.COM " });
    const same = identityKeys(getPolicy("auth.signin"), { ip: "198.51.100.1", email: "alice@example.com" });
    expect(keys.map((k) => k.dimension)).toEqual(["ip", "email"]);
    expect(keys[1]!.id).toBe(same[1]!.id);
    expect(keys[1]!.id).not.toContain("alice");
  });

  it("ignores an email for policies without an email rule", () => {
    expect(identityKeys(getPolicy("auth.signup"), { ip: "192.0.2.1", email: "a@b.c" }).map((k) => k.dimension)).toEqual(["ip"]);
  });

  it("falls back to the IP when a policy has no rule for an authenticated caller", () => {
    const keys = identityKeys(getPolicy("auth.signup"), { ip: "192.0.2.1", principalId: "usr_1", orgId: "org_1" });
    expect(keys.map((k) => [k.dimension, k.id])).toEqual([["ip", "192.0.2.1"]]);
  });

  it("fails loudly when a policy cannot count the caller at all", () => {
    expect(() => identityKeys(getPolicy("admin"), { ip: "192.0.2.1" })).toThrow(/no rule/);
  });
});

describe("mostRestrictive", () => {
  const ok = (remaining: number, reset = 1_000) => ({ success: true, limit: 100, remaining, reset });
  const denied = (reset: number, limit = 10) => ({ success: false, limit, remaining: 0, reset });

  it("reports the key with the fewest requests left when all admit", () => {
    expect(mostRestrictive([ok(50), ok(3), ok(70)])).toEqual(ok(3));
  });

  it("denies if any key denies, reporting the latest reset among the denials", () => {
    expect(mostRestrictive([ok(1), denied(5_000, 10), denied(9_000, 600)])).toEqual(denied(9_000, 600));
  });
});
