import { describe, expect, it } from "vitest";
import { newId } from "../ids";
import { auditTestDatabase, tamper } from "./audit-test-helpers";
import { computeAuditEntryHash } from "./entry-hash";
import { verifyAuditChain } from "./verify-audit-chain";

// Tampering directly in the database, as an attacker with write access would, must be reported
// at the first broken sequence number. Each test builds its own org chain.
const { db, newOrg, chainOf } = auditTestDatabase(4);

describe("verifyAuditChain", () => {
  it("passes an honest chain and reports its head", async () => {
    const { orgId, entries } = await chainOf(6);
    expect(await verifyAuditChain(db, orgId)).toEqual({ ok: true, entries: 6, headSeq: "6", headHash: entries[5]!.hash, checkedFromSeq: "1" });
  });

  it("passes an empty chain", async () => {
    const orgId = await newOrg();
    expect(await verifyAuditChain(db, orgId)).toEqual({ ok: true, entries: 0, headSeq: null, headHash: null, checkedFromSeq: "1" });
  });

  it.each([
    ["action", "action = 'project.delete'"],
    ["target", "target_id = 'prj_someone_else'"],
    ["target type", "target_type = 'run'"],
    ["actor type", "actor_type = 'SYSTEM'"],
    ["actor user", "actor_user_id = 'usr_scapegoat'"],
    ["actor key", "actor_api_key_id = 'key_scapegoat'"],
    ["ip", "ip = '198.51.100.1'"],
    ["user agent", "user_agent = 'Mozilla/5.0'"],
    ["request id", "request_id = 'req_other'"],
    ["params hash", "params_hash = repeat('0', 64)"],
    ["params preview", "params_preview = '{}'"],
    ["time", "created_at = created_at - interval '1 millisecond'"],
    ["prev hash", "prev_hash = repeat('0', 64)"],
    ["hash", "hash = repeat('0', 64)"],
  ])("detects an edited %s at that entry", async (_, assignment) => {
    const { orgId } = await chainOf(4);
    await tamper(db, (tx) => tx.$executeRawUnsafe(`UPDATE audit_log_entries SET ${assignment} WHERE org_id = $1 AND seq = 3`, orgId));
    expect(await verifyAuditChain(db, orgId)).toEqual({ ok: false, brokenAtSeq: "3", reason: "hash_mismatch" });
  });

  it("detects an edit whose hash was recomputed at the next entry", async () => {
    const { orgId, entries } = await chainOf(5);
    const forged = { ...entries[2]!, action: "project.delete", targetId: "prj_someone_else" };
    await tamper(db, (tx) =>
      tx.auditLogEntry.update({
        where: { id: forged.id },
        data: { action: forged.action, targetId: forged.targetId, hash: computeAuditEntryHash(forged) },
      }),
    );
    expect(await verifyAuditChain(db, orgId)).toEqual({ ok: false, brokenAtSeq: "4", reason: "prev_hash_mismatch" });
  });

  it("detects an entry deleted from the middle, or the start", async () => {
    const { orgId, entries } = await chainOf(6);
    await tamper(db, (tx) => tx.auditLogEntry.delete({ where: { id: entries[2]!.id } }));
    expect(await verifyAuditChain(db, orgId)).toEqual({ ok: false, brokenAtSeq: "3", reason: "sequence_gap" });

    const other = await chainOf(3);
    await tamper(db, (tx) => tx.auditLogEntry.delete({ where: { id: other.entries[0]!.id } }));
    expect(await verifyAuditChain(db, other.orgId)).toEqual({ ok: false, brokenAtSeq: "1", reason: "sequence_gap" });
  });

  it("detects two entries swapped", async () => {
    const { orgId, entries } = await chainOf(6);
    const [second, fifth] = [entries[1]!, entries[4]!];
    // Through a free number: the (org, seq) unique index is still enforced in replica mode.
    await tamper(db, async (tx) => {
      await tx.auditLogEntry.update({ where: { id: second.id }, data: { seq: 0n } });
      await tx.auditLogEntry.update({ where: { id: fifth.id }, data: { seq: 2n } });
      await tx.auditLogEntry.update({ where: { id: second.id }, data: { seq: 5n } });
    });
    expect(await verifyAuditChain(db, orgId)).toEqual({ ok: false, brokenAtSeq: "2", reason: "hash_mismatch" });
  });

  it("detects a forged entry inserted in the middle with a correctly computed hash", async () => {
    const { orgId, entries } = await chainOf(6);
    const forged = {
      ...entries[2]!,
      id: newId("audit"),
      seq: 4n,
      prevHash: entries[2]!.hash,
      action: "member.role_change",
      targetId: "usr_attacker",
      createdAt: new Date(entries[2]!.createdAt.getTime() + 1),
    };
    await tamper(db, async (tx) => {
      // Make room: seq 4.. moves up by one, through negative numbers to dodge the unique index.
      await tx.$executeRaw`UPDATE audit_log_entries SET seq = -(seq + 1) WHERE org_id = ${orgId} AND seq >= 4`;
      await tx.$executeRaw`UPDATE audit_log_entries SET seq = -seq WHERE org_id = ${orgId} AND seq < 0`;
      await tx.auditLogEntry.create({ data: { ...forged, hash: computeAuditEntryHash(forged) } });
    });
    // The forged entry itself is flawless; the shifted successor is not.
    expect(await verifyAuditChain(db, orgId)).toEqual({ ok: false, brokenAtSeq: "5", reason: "hash_mismatch" });
  });

  it("detects a forged entry at the head with a plausible but invented hash", async () => {
    const { orgId, entries } = await chainOf(3);
    const forged = { ...entries[2]!, id: newId("audit"), seq: 4n, prevHash: entries[2]!.hash, hash: "f".repeat(64) };
    await tamper(db, (tx) => tx.auditLogEntry.create({ data: forged }));
    expect(await verifyAuditChain(db, orgId)).toEqual({ ok: false, brokenAtSeq: "4", reason: "hash_mismatch" });
  });

  it("finds breaks across page boundaries", async () => {
    const { orgId, entries } = await chainOf(10);
    expect(await verifyAuditChain(db, orgId, { pageSize: 3 })).toMatchObject({ ok: true, entries: 10, headHash: entries[9]!.hash });
    // Seq 7 opens the third page of three; seq 4 the second.
    await tamper(db, (tx) => tx.auditLogEntry.delete({ where: { id: entries[6]!.id } }));
    expect(await verifyAuditChain(db, orgId, { pageSize: 3 })).toEqual({ ok: false, brokenAtSeq: "7", reason: "sequence_gap" });
    await tamper(db, (tx) => tx.$executeRaw`UPDATE audit_log_entries SET action = 'x' WHERE org_id = ${orgId} AND seq = 4`);
    expect(await verifyAuditChain(db, orgId, { pageSize: 3 })).toEqual({ ok: false, brokenAtSeq: "4", reason: "hash_mismatch" });
  });

  it("refuses a page size that would read nothing", async () => {
    const { orgId } = await chainOf(1);
    await expect(verifyAuditChain(db, orgId, { pageSize: 0 })).rejects.toThrow(RangeError);
  });

  it("keeps each org's verdict to its own chain", async () => {
    const broken = await chainOf(3);
    const intact = await chainOf(3);
    await tamper(db, (tx) => tx.auditLogEntry.delete({ where: { id: broken.entries[1]!.id } }));
    expect(await verifyAuditChain(db, broken.orgId)).toMatchObject({ ok: false });
    expect(await verifyAuditChain(db, intact.orgId)).toMatchObject({ ok: true, entries: 3 });
  });

  it("works inside a caller's transaction", async () => {
    const { orgId } = await chainOf(2);
    expect(await db.$transaction((tx) => verifyAuditChain(tx, orgId))).toMatchObject({ ok: true, entries: 2 });
  });

  // What a hash chain alone cannot see: it proves each entry follows the previous one, not
  // where the chain should end. Removing the last entries, or appending a correctly hashed
  // forgery, or rewriting every hash from some point on, leaves a valid chain with a different
  // head. The API returns headSeq/headHash so an anchor kept outside the database (a previous
  // verify result, a log shipper) exposes it: the anchored seq must still exist with that hash.
  describe("limits: only an external anchor of the head detects these", () => {
    it("deleting the last entry moves the head back and still verifies", async () => {
      const { orgId, entries } = await chainOf(6);
      await tamper(db, (tx) => tx.auditLogEntry.delete({ where: { id: entries[5]!.id } }));
      const result = await verifyAuditChain(db, orgId);
      expect(result).toEqual({ ok: true, entries: 5, headSeq: "5", headHash: entries[4]!.hash, checkedFromSeq: "1" });
      expect(result.ok && result.headHash).not.toBe(entries[5]!.hash);
    });

    it("rewriting every hash after a forged insert verifies, with a different head", async () => {
      const { orgId, entries } = await chainOf(4);
      await tamper(db, async (tx) => {
        await tx.$executeRaw`UPDATE audit_log_entries SET seq = -(seq + 1) WHERE org_id = ${orgId} AND seq >= 2`;
        await tx.$executeRaw`UPDATE audit_log_entries SET seq = -seq WHERE org_id = ${orgId} AND seq < 0`;
        await tx.auditLogEntry.create({ data: { ...entries[0]!, id: newId("audit"), seq: 2n, action: "forged" } });
        let prevHash: string | null = null;
        for (const row of await tx.auditLogEntry.findMany({ where: { orgId }, orderBy: { seq: "asc" } })) {
          const rewritten = { ...row, prevHash };
          prevHash = computeAuditEntryHash(rewritten);
          await tx.auditLogEntry.update({ where: { id: row.id }, data: { prevHash: rewritten.prevHash, hash: prevHash } });
        }
      });
      const result = await verifyAuditChain(db, orgId);
      expect(result).toMatchObject({ ok: true, entries: 5, headSeq: "5" });
      expect(result.ok && result.headHash).not.toBe(entries[3]!.hash);
    });
  });
});
