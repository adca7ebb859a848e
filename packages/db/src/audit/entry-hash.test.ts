import { describe, expect, it } from "vitest";
import { computeAuditEntryHash, type HashedAuditFields } from "./entry-hash";

const entry: HashedAuditFields = {
  prevHash: "a".repeat(64),
  orgId: "org_01jc8z7q4x9v2m3n5p6r7s8t9w",
  seq: 7n,
  actorType: "API_KEY",
  actorUserId: "usr_01jc8z7q4x9v2m3n5p6r7s8t9w",
  actorApiKeyId: "key_01jc8z7q4x9v2m3n5p6r7s8t9w",
  action: "project.create",
  targetType: "project",
  targetId: "prj_01jc8z7q4x9v2m3n5p6r7s8t9w",
  ip: "203.0.113.9",
  userAgent: "curl/8.5.0",
  requestId: "req_01jc8z7q4x9v2m3n5p6r7s8t9w",
  paramsHash: "b".repeat(64),
  paramsPreview: '{"name":"x"}',
  createdAt: new Date("2026-01-02T03:04:05.678Z"),
};

describe("computeAuditEntryHash", () => {
  it("is pinned: changing the recipe would break every stored chain", () => {
    // Computed outside this code, so an external verifier can follow the recipe:
    // printf '%s' '{"action":"project.create","actorApiKeyId":"key_…","actorType":"API_KEY",
    //   "actorUserId":"usr_…","createdAt":"2026-01-02T03:04:05.678Z","domain":"bulwark.audit-entry.v1",
    //   "ip":"203.0.113.9","orgId":"org_…","paramsHash":"bbb…","paramsPreview":"{\"name\":\"x\"}",
    //   "prevHash":"aaa…","requestId":"req_…","seq":"7","targetId":"prj_…","targetType":"project",
    //   "userAgent":"curl/8.5.0"}' | sha256sum     (ids and hashes as in `entry`, no whitespace)
    expect(computeAuditEntryHash(entry)).toBe("44a63185b0fb45e6ddcb42e4450bfb2a00850a7187a20d635efef47d588afd95");
  });

  it("covers every stored column", () => {
    const changed: Partial<HashedAuditFields>[] = [
      { prevHash: null },
      { orgId: null },
      { seq: 8n },
      { actorType: "USER" },
      { actorUserId: null },
      { actorApiKeyId: "key_other" },
      { action: "project.delete" },
      { targetType: "run" },
      { targetId: "prj_other" },
      { ip: "203.0.113.10" },
      { userAgent: "curl/8.5.1" },
      { requestId: null },
      { paramsHash: "c".repeat(64) },
      { paramsPreview: '{"name":"y"}' },
      { createdAt: new Date("2026-01-02T03:04:05.679Z") },
    ];
    const hashes = changed.map((change) => computeAuditEntryHash({ ...entry, ...change }));
    expect(new Set([computeAuditEntryHash(entry), ...hashes]).size).toBe(changed.length + 1);
  });

  it("cannot be fooled by moving text between fields or by null versus empty", () => {
    const split = (targetType: string, targetId: string) => computeAuditEntryHash({ ...entry, targetType, targetId });
    expect(split("a", "bc")).not.toBe(split("ab", "c"));
    expect(computeAuditEntryHash({ ...entry, ip: null })).not.toBe(computeAuditEntryHash({ ...entry, ip: "" }));
    expect(computeAuditEntryHash({ ...entry, ip: "null" })).not.toBe(computeAuditEntryHash({ ...entry, ip: null }));
  });

  it("keeps a seq beyond 2^53 exact", () => {
    const big = 2n ** 53n;
    expect(computeAuditEntryHash({ ...entry, seq: big })).not.toBe(computeAuditEntryHash({ ...entry, seq: big + 1n }));
  });
});
