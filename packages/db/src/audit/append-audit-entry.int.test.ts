import { describe, expect, it } from "vitest";
import { appendAuditEntry, type AuditActorType } from "./append-audit-entry";
import { appendChain, auditTestDatabase, entryInput, TX_OPTIONS } from "./audit-test-helpers";
import { computeAuditEntryHash } from "./entry-hash";
import { verifyAuditChain } from "./verify-audit-chain";

// A pool of 10 like production, so concurrent appends really race for the chain head.
const { db, newOrg } = auditTestDatabase(10);

const asJson = (value: unknown) => JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v));

describe("appendAuditEntry", () => {
  it("links each entry to the previous one and hashes exactly what is stored", async () => {
    const orgId = await newOrg();
    const [first, second] = await appendChain(db, orgId, 2);
    expect(first).toMatchObject({
      orgId,
      seq: 1n,
      prevHash: null,
      actorType: "USER",
      actorUserId: "usr_test1",
      actorApiKeyId: null,
      action: "project.update",
      targetType: "project",
      targetId: "prj_test1",
      ip: "203.0.113.7",
      userAgent: "vitest",
      requestId: "req_test1",
      paramsPreview: `{"name":"name 1","token":"[REDACTED]"}`,
    });
    expect(second).toMatchObject({ seq: 2n, prevHash: first!.hash });
    const stored = await db.auditLogEntry.findUniqueOrThrow({ where: { id: second!.id } });
    expect(stored.createdAt).toEqual(second!.createdAt);
    expect(computeAuditEntryHash(stored)).toBe(stored.hash);
  });

  it("never stores the raw secret", async () => {
    const orgId = await newOrg();
    const secret = "bwk_live_0123456789abcdefghij";
    const entry = await db.$transaction((tx) =>
      appendAuditEntry(tx, { orgId, actor: { type: "system" }, action: "api_key.create", params: { name: "ci", secret, note: `key ${secret}` } }),
    );
    const stored = await db.auditLogEntry.findUniqueOrThrow({ where: { id: entry.id } });
    expect(asJson(stored)).not.toContain("0123456789abcdefghij");
    expect(stored.paramsPreview).toBe('{"name":"ci","note":"[REDACTED]","secret":"[REDACTED]"}');
  });

  it("maps every actor type to the enum", async () => {
    const orgId = await newOrg();
    const types: AuditActorType[] = ["user", "api_key", "sidecar", "system", "anonymous"];
    const stored = [];
    for (const type of types) {
      stored.push(await db.$transaction((tx) => appendAuditEntry(tx, { orgId, actor: { type, apiKeyId: type === "api_key" ? "key_x" : null }, action: "auth.test" })));
    }
    expect(stored.map((e) => e.actorType)).toEqual(["USER", "API_KEY", "SIDECAR", "SYSTEM", "ANONYMOUS"]);
    expect(stored[1]).toMatchObject({ actorApiKeyId: "key_x", targetType: null, paramsHash: null, paramsPreview: null, ip: null });
  });

  it("keeps client-supplied text verifiable: no NUL, no lone surrogate, bounded length", async () => {
    const orgId = await newOrg();
    const entry = await db.$transaction((tx) =>
      appendAuditEntry(tx, { orgId, actor: { type: "anonymous" }, action: "auth.signin_failed", request: { userAgent: `bad\u0000\ud800${"x".repeat(600)}😀` } }),
    );
    expect(entry.userAgent).toBe(`bad\ufffd${"x".repeat(508)}`);
    expect(await verifyAuditChain(db, orgId)).toMatchObject({ ok: true, entries: 1 });
  });

  it("refuses to run outside a transaction, where the lock would not hold", async () => {
    const orgId = await newOrg();
    await expect(appendAuditEntry(db, entryInput(orgId, 1))).rejects.toThrow(/inside a transaction/);
    expect(await db.auditLogEntry.count({ where: { orgId } })).toBe(0);
  });

  it("rolls back with the change it records, leaving no hole in the chain", async () => {
    const orgId = await newOrg();
    await expect(
      db.$transaction(async (tx) => {
        await appendAuditEntry(tx, entryInput(orgId, 1));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const [entry] = await appendChain(db, orgId, 1);
    expect(entry).toMatchObject({ seq: 1n, prevHash: null });
  });

  // Without the chain lock, concurrent writers read the same head and collide on (org, seq).
  it("keeps one unbroken chain under 100 concurrent writers", async () => {
    const orgId = await newOrg();
    await Promise.all(Array.from({ length: 100 }, (_, i) => db.$transaction((tx) => appendAuditEntry(tx, entryInput(orgId, i)), TX_OPTIONS)));
    const seqs = (await db.auditLogEntry.findMany({ where: { orgId }, select: { seq: true }, orderBy: { seq: "asc" } })).map((e) => Number(e.seq));
    expect(seqs).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(await verifyAuditChain(db, orgId)).toMatchObject({ ok: true, entries: 100, headSeq: "100" });
  });

  it("lets two orgs write concurrently without touching each other's chain", async () => {
    const [a, b] = [await newOrg(), await newOrg()];
    const writes = Array.from({ length: 100 }, (_, i) => db.$transaction((tx) => appendAuditEntry(tx, entryInput(i % 2 ? a : b, i)), TX_OPTIONS));
    await Promise.all(writes);
    for (const orgId of [a, b]) {
      expect(await verifyAuditChain(db, orgId)).toMatchObject({ ok: true, entries: 50, headSeq: "50" });
    }
  });

  // The one platform-chain test of the suite: other files may append to the platform chain
  // (orgId null) meanwhile, so it starts from the current head and holds the chain lock for all
  // its appends. Its entries stay: deleting them would break the chain for those other writers,
  // and the test database is rebuilt on every run.
  it("runs the platform chain (org null) like an org chain", async () => {
    const result = await db.$transaction(async (tx) => {
      const head = await tx.auditLogEntry.findFirst({ where: { orgId: null }, orderBy: { seq: "desc" } });
      const appended = [];
      for (let n = 1; n <= 3; n++) appended.push(await appendAuditEntry(tx, entryInput(null, n)));
      return { head, appended, verdict: await verifyAuditChain(tx, null) };
    }, TX_OPTIONS);
    const start = result.head?.seq ?? 0n;
    expect(result.appended.map((e) => e.seq)).toEqual([start + 1n, start + 2n, start + 3n]);
    expect(result.appended[0]!.prevHash).toBe(result.head?.hash ?? null);
    expect(result.appended[2]!.prevHash).toBe(result.appended[1]!.hash);
    expect(result.verdict).toMatchObject({ ok: true, headSeq: (start + 3n).toString(), headHash: result.appended[2]!.hash });
  });
});
