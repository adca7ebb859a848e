import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { scenarioFingerprint } from "./scenario-fingerprint";

describe("scenarioFingerprint", () => {
  it("is a stable sha256 of key, version and project", () => {
    const fingerprint = scenarioFingerprint("secret_leakage.environment-dump", 1, "prj_123");
    // Pinned: a change here re-opens every finding in every project.
    expect(fingerprint).toBe(createHash("sha256").update('["bulwark.finding.v1","prj_123","secret_leakage.environment-dump",1]').digest("hex"));
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(scenarioFingerprint("secret_leakage.environment-dump", 1, "prj_123")).toBe(fingerprint);
  });

  it("differs when the key, version or project differs", () => {
    const base = scenarioFingerprint("secret_leakage.environment-dump", 1, "prj_123");
    expect(new Set([
      base,
      scenarioFingerprint("secret_leakage.cloud-credentials", 1, "prj_123"),
      scenarioFingerprint("secret_leakage.environment-dump", 2, "prj_123"),
      scenarioFingerprint("secret_leakage.environment-dump", 1, "prj_456"),
    ]).size).toBe(4);
  });

  it("cannot be forged by shifting characters between fields", () => {
    expect(scenarioFingerprint("a.bc", 1, "prj_x")).not.toBe(scenarioFingerprint("a.b", 1, "cprj_x"));
  });

  it("rejects an invalid version or empty ids", () => {
    expect(() => scenarioFingerprint("a.bc", 0, "prj_1")).toThrow(RangeError);
    expect(() => scenarioFingerprint("a.bc", 1.5, "prj_1")).toThrow(RangeError);
    expect(() => scenarioFingerprint("", 1, "prj_1")).toThrow(RangeError);
  });
});
