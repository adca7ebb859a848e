import { describe, expect, it } from "vitest";
import { newId } from "../ids";
import { appendAuditEntry } from "./append-audit-entry";
import { auditTestDatabase, entryInput, tamper } from "./audit-test-helpers";
import { AuditChainBrokenError, sealAuditCheckpoint } from "./seal-audit-checkpoint";
import { verifyAuditChain } from "./verify-audit-chain";

// Retention (issue 6): entries are pruned only behind a sealed checkpoint, after which the
// chain still verifies and appends carry on from it. Org chains only: sealing the shared
// platform chain would prune entries other test files rely on.
const { db, newOrg, chainOf } = auditTestDatabase(4);

const seal = (orgId: string, uptoSeq: bigint) => db.$transaction((tx) => sealAuditCheckpoint(tx, orgId, uptoSeq));
const append = (orgId: string) => db.$transaction((tx) => appendAuditEntry(tx, entryInput(orgId, 99)));

describe("sealAuditCheckpoint", () => {
  it("prunes up to the checkpoint; the chain still verifies and continues", async () => {
    const { orgId, entries } = await chainOf(10);
    const { checkpoint, deleted } = await seal(orgId, 6n);
    expect(deleted).toBe(6);
    expect(checkpoint).toMatchObject({ orgId, uptoSeq: 6n, hash: entries[5]!.hash });
    expect((await db.auditLogEntry.findMany({ where: { orgId }, orderBy: { seq: "asc" } })).map((e) => e.seq)).toEqual([7n, 8n, 9n, 10n]);
    expect(await verifyAuditChain(db, orgId)).toEqual({ ok: true, entries: 4, headSeq: "10", headHash: entries[9]!.hash, checkedFromSeq: "7" });

    const next = await append(orgId);
    expect(next).toMatchObject({ seq: 11n, prevHash: entries[9]!.hash });
    expect(await verifyAuditChain(db, orgId)).toMatchObject({ ok: true, entries: 5, headSeq: "11" });
  });

  it("can prune everything; the next entry chains to the checkpoint", async () => {
    const { orgId, entries } = await chainOf(3);
    expect((await seal(orgId, 3n)).deleted).toBe(3);
    expect(await verifyAuditChain(db, orgId)).toEqual({ ok: true, entries: 0, headSeq: "3", headHash: entries[2]!.hash, checkedFromSeq: "4" });

    const next = await append(orgId);
    expect(next).toMatchObject({ seq: 4n, prevHash: entries[2]!.hash });
    expect(await verifyAuditChain(db, orgId)).toMatchObject({ ok: true, entries: 1, headSeq: "4" });
  });

  it("seals again later, from the newest checkpoint", async () => {
    const { orgId, entries } = await chainOf(10);
    await seal(orgId, 4n);
    await seal(orgId, 8n);
    expect(await verifyAuditChain(db, orgId)).toEqual({ ok: true, entries: 2, headSeq: "10", headHash: entries[9]!.hash, checkedFromSeq: "9" });
  });

  it("refuses to seal over a broken chain, and changes nothing", async () => {
    const { orgId } = await chainOf(8);
    await tamper(db, (tx) => tx.$executeRaw`UPDATE audit_log_entries SET action = 'forged' WHERE org_id = ${orgId} AND seq = 3`);
    const error = await seal(orgId, 6n).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuditChainBrokenError);
    expect(error).toMatchObject({ brokenAtSeq: "3", reason: "hash_mismatch" });
    expect(await db.auditLogEntry.count({ where: { orgId } })).toBe(8);
    expect(await db.auditCheckpoint.count({ where: { orgId } })).toBe(0);
  });

  it("refuses a seq outside the unsealed chain", async () => {
    const { orgId } = await chainOf(5);
    await expect(seal(orgId, 0n)).rejects.toThrow(RangeError);
    await expect(seal(orgId, 6n)).rejects.toThrow(RangeError);
    await seal(orgId, 3n);
    await expect(seal(orgId, 3n)).rejects.toThrow(RangeError);
    await expect(seal(orgId, 2n)).rejects.toThrow(RangeError);
    const empty = await newOrg();
    await expect(seal(empty, 1n)).rejects.toThrow(RangeError);
  });

  it("does not leave audit deletes open for the rest of the transaction", async () => {
    const { orgId, entries } = await chainOf(4);
    await expect(
      db.$transaction(async (tx) => {
        await sealAuditCheckpoint(tx, orgId, 2n);
        await tx.auditLogEntry.delete({ where: { id: entries[3]!.id } });
      }),
    ).rejects.toThrow(/append-only: DELETE/);
    // The same holds where the caller had opted in itself: its setting is put back, not dropped.
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('bulwark.audit_retention', 'on', true)`;
      await sealAuditCheckpoint(tx, orgId, 2n);
      await tx.auditLogEntry.delete({ where: { id: entries[3]!.id } });
    });
  });

  describe("tampering around a checkpoint", () => {
    it("detects an edited checkpoint hash at the first entry after it", async () => {
      const { orgId } = await chainOf(8);
      const { checkpoint } = await seal(orgId, 5n);
      await tamper(db, (tx) => tx.auditCheckpoint.update({ where: { id: checkpoint.id }, data: { hash: "0".repeat(64) } }));
      expect(await verifyAuditChain(db, orgId)).toEqual({ ok: false, brokenAtSeq: "6", reason: "checkpoint_mismatch" });
    });

    it("detects an entry slipped in behind the checkpoint", async () => {
      const { orgId, entries } = await chainOf(8);
      await seal(orgId, 5n);
      await tamper(db, (tx) => tx.auditLogEntry.create({ data: { ...entries[1]!, id: newId("audit"), action: "forged" } }));
      expect(await verifyAuditChain(db, orgId)).toEqual({ ok: false, brokenAtSeq: "2", reason: "checkpoint_mismatch" });
    });

    it("detects a forged checkpoint placed over entries that were never pruned", async () => {
      const { orgId, entries } = await chainOf(6);
      await tamper(db, (tx) => tx.auditCheckpoint.create({ data: { id: newId("auditCheckpoint"), orgId, uptoSeq: 3n, hash: entries[2]!.hash } }));
      expect(await verifyAuditChain(db, orgId)).toEqual({ ok: false, brokenAtSeq: "1", reason: "checkpoint_mismatch" });
    });

    it("detects the first entry after the checkpoint deleted", async () => {
      const { orgId, entries } = await chainOf(8);
      await seal(orgId, 5n);
      await tamper(db, (tx) => tx.auditLogEntry.delete({ where: { id: entries[5]!.id } }));
      expect(await verifyAuditChain(db, orgId)).toEqual({ ok: false, brokenAtSeq: "6", reason: "sequence_gap" });
    });

    // A limit, like a truncated tail: deleting a prefix and adding a checkpoint with the hash of
    // the last deleted entry is exactly what retention does. Checkpoints are reported by the API
    // so an outside record of retention runs can tell them apart.
    it("cannot tell a forged prefix deletion from retention", async () => {
      const { orgId, entries } = await chainOf(6);
      await tamper(db, async (tx) => {
        await tx.auditLogEntry.deleteMany({ where: { orgId, seq: { lte: 3n } } });
        await tx.auditCheckpoint.create({ data: { id: newId("auditCheckpoint"), orgId, uptoSeq: 3n, hash: entries[2]!.hash } });
      });
      expect(await verifyAuditChain(db, orgId)).toMatchObject({ ok: true, checkedFromSeq: "4" });
    });
  });
});
