import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "./client";
import type { Prisma } from "./generated/prisma/index.js";
import { newId } from "./ids";

// The append-only triggers of the migration: audit rows, audit checkpoints and evidence items
// are never updated, and deleted only where a transaction opted in with SET LOCAL.
const db = createPrismaClient(undefined, 4);
const HASH = "0".repeat(64);

async function optIn(tx: Prisma.TransactionClient, setting: "bulwark.audit_retention" | "bulwark.evidence_retention") {
  await tx.$executeRaw`SELECT set_config(${setting}, 'on', true)`;
}

async function createOrg() {
  const orgId = newId("org");
  await db.organization.create({ data: { id: orgId, name: "Guard test", slug: orgId } });
  return orgId;
}

function auditEntry(orgId: string | null, seq: bigint) {
  return { id: newId("audit"), orgId, seq, actorType: "SYSTEM" as const, action: "test.guard", hash: HASH };
}

const orgs: string[] = [];
afterAll(async () => {
  await db.$transaction(async (tx) => {
    await optIn(tx, "bulwark.audit_retention");
    await optIn(tx, "bulwark.evidence_retention");
    await tx.organization.deleteMany({ where: { id: { in: orgs } } });
  });
  await db.$disconnect();
});

describe("audit log guard", () => {
  let orgId: string;
  beforeAll(async () => {
    orgId = await createOrg();
    orgs.push(orgId);
  });

  it("refuses UPDATE, even where retention opted in", async () => {
    const entry = await db.auditLogEntry.create({ data: auditEntry(orgId, 1n) });
    await expect(db.auditLogEntry.update({ where: { id: entry.id }, data: { action: "forged" } })).rejects.toThrow(/append-only: UPDATE/);
    await expect(
      db.$transaction(async (tx) => {
        await optIn(tx, "bulwark.audit_retention");
        await tx.auditLogEntry.update({ where: { id: entry.id }, data: { action: "forged" } });
      }),
    ).rejects.toThrow(/append-only: UPDATE/);
    expect((await db.auditLogEntry.findUniqueOrThrow({ where: { id: entry.id } })).action).toBe("test.guard");
  });

  it("refuses DELETE unless the transaction opted in for retention", async () => {
    const entry = await db.auditLogEntry.create({ data: auditEntry(orgId, 2n) });
    await expect(db.auditLogEntry.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only: DELETE/);
    // The wrong setting does not open the door either.
    await expect(
      db.$transaction(async (tx) => {
        await optIn(tx, "bulwark.evidence_retention");
        await tx.auditLogEntry.delete({ where: { id: entry.id } });
      }),
    ).rejects.toThrow(/append-only: DELETE/);

    await db.$transaction(async (tx) => {
      await optIn(tx, "bulwark.audit_retention");
      await tx.auditLogEntry.delete({ where: { id: entry.id } });
    });
    expect(await db.auditLogEntry.findUnique({ where: { id: entry.id } })).toBeNull();
  });

  it("keeps the setting local to the transaction that set it", async () => {
    await db.$transaction(async (tx) => optIn(tx, "bulwark.audit_retention"));
    const entry = await db.auditLogEntry.create({ data: auditEntry(orgId, 3n) });
    await expect(db.auditLogEntry.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
  });

  it("makes deleting an organization with audit history a deliberate act", async () => {
    const doomed = await createOrg();
    await db.auditLogEntry.create({ data: auditEntry(doomed, 1n) });
    await db.auditCheckpoint.create({ data: { id: newId("audit"), orgId: doomed, uptoSeq: 1n, hash: HASH } });

    await expect(db.organization.delete({ where: { id: doomed } })).rejects.toThrow(/append-only: DELETE/);
    await db.$transaction(async (tx) => {
      await optIn(tx, "bulwark.audit_retention");
      await tx.organization.delete({ where: { id: doomed } });
    });
    expect(await db.auditLogEntry.count({ where: { orgId: doomed } })).toBe(0);
  });

  it("guards checkpoints the same way", async () => {
    const checkpoint = await db.auditCheckpoint.create({ data: { id: newId("audit"), orgId, uptoSeq: 2n, hash: HASH } });
    await expect(db.auditCheckpoint.update({ where: { id: checkpoint.id }, data: { hash: "f".repeat(64) } })).rejects.toThrow(/append-only/);
    await expect(db.auditCheckpoint.delete({ where: { id: checkpoint.id } })).rejects.toThrow(/append-only/);
  });

  it("keeps one sequence per chain, the platform's (org null) included", async () => {
    await expect(db.auditLogEntry.create({ data: auditEntry(orgId, 1n) })).rejects.toMatchObject({ code: "P2002" });

    // NULLS NOT DISTINCT: two platform entries cannot share a number either. The rows live only
    // in a transaction that is rolled back, so the real platform chain of a shared test
    // database never sees them; the random, huge seq keeps clear of it anyway.
    const seq = BigInt(randomInt(2 ** 40, 2 ** 47)) * 1000n;
    class RolledBack extends Error {}
    await expect(
      db.$transaction(async (tx) => {
        await tx.auditLogEntry.create({ data: auditEntry(null, seq) });
        await tx.$executeRaw`SAVEPOINT duplicate_platform_seq`;
        const duplicate = await tx.auditLogEntry.create({ data: auditEntry(null, seq) }).then(
          () => "inserted",
          (error: { code?: string }) => error.code,
        );
        await tx.$executeRaw`ROLLBACK TO SAVEPOINT duplicate_platform_seq`;
        expect(duplicate).toBe("P2002");
        throw new RolledBack();
      }),
    ).rejects.toBeInstanceOf(RolledBack);
  });
});

describe("evidence chain guard", () => {
  let orgId: string;
  let projectId: string;

  beforeAll(async () => {
    orgId = await createOrg();
    orgs.push(orgId);
    projectId = newId("project");
    await db.project.create({ data: { id: projectId, orgId, name: "evidence", environment: "SANDBOX" } });
  });

  async function runWithEvidence() {
    const runId = newId("run");
    await db.run.create({ data: { id: runId, orgId, projectId, selection: { categories: ["secret_leakage"] } } });
    const item = await db.evidenceItem.create({
      data: { id: newId("evidence"), orgId, runId, seq: 1, kind: "MESSAGE", payload: { text: "hello" }, hash: HASH },
    });
    return { runId, item };
  }

  it("refuses UPDATE and unsanctioned DELETE of an evidence item", async () => {
    const { item } = await runWithEvidence();
    await expect(db.evidenceItem.update({ where: { id: item.id }, data: { payload: { text: "forged" } } })).rejects.toThrow(/append-only: UPDATE/);
    await expect(db.evidenceItem.delete({ where: { id: item.id } })).rejects.toThrow(/append-only: DELETE/);
    await expect(
      db.$transaction(async (tx) => {
        await optIn(tx, "bulwark.audit_retention");
        await tx.evidenceItem.delete({ where: { id: item.id } });
      }),
    ).rejects.toThrow(/append-only: DELETE/);
  });

  it("lets a run go only with its evidence, where the transaction opted in", async () => {
    const { runId, item } = await runWithEvidence();
    await expect(db.run.delete({ where: { id: runId } })).rejects.toThrow(/append-only: DELETE/);

    await db.$transaction(async (tx) => {
      await optIn(tx, "bulwark.evidence_retention");
      await tx.run.delete({ where: { id: runId } });
    });
    expect(await db.evidenceItem.findUnique({ where: { id: item.id } })).toBeNull();
  });

  it("refuses evidence that claims another organization's run", async () => {
    const { runId } = await runWithEvidence();
    const otherOrg = await createOrg();
    orgs.push(otherOrg);
    await expect(
      db.evidenceItem.create({
        data: { id: newId("evidence"), orgId: otherOrg, runId, seq: 2, kind: "REPLY", payload: {}, hash: HASH },
      }),
    ).rejects.toMatchObject({ code: "P2003" });
  });
});
