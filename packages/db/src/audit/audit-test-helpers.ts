import { afterAll } from "vitest";
import { createPrismaClient } from "../client";
import type { AuditLogEntry, Prisma, PrismaClient } from "../generated/prisma/index.js";
import { newId } from "../ids";
import { appendAuditEntry, type AuditEntryInput } from "./append-audit-entry";

// Shared by the audit integration tests; not exported from the package.

/** Interactive transactions queue behind the chain lock and a small pool: let them wait. */
export const TX_OPTIONS = { maxWait: 60_000, timeout: 60_000 } as const;

export async function createOrg(db: PrismaClient, orgs: string[]): Promise<string> {
  const orgId = newId("org");
  await db.organization.create({ data: { id: orgId, name: "Audit chain test", slug: orgId } });
  orgs.push(orgId);
  return orgId;
}

/** Orgs go with their chains, which the append-only trigger allows only where retention opted in. */
export async function deleteOrgs(db: PrismaClient, orgs: string[]): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('bulwark.audit_retention', 'on', true)`;
    await tx.organization.deleteMany({ where: { id: { in: orgs } } });
  });
}

export function entryInput(orgId: string | null, n: number): AuditEntryInput {
  return {
    orgId,
    actor: { type: "user", userId: `usr_test${n}` },
    action: "project.update",
    target: { type: "project", id: `prj_test${n}` },
    params: { name: `name ${n}`, token: `bwk_secret_${n}` },
    request: { requestId: `req_test${n}`, ip: "203.0.113.7", userAgent: "vitest" },
  };
}

/** Appends `count` entries one transaction each, as services would. */
export async function appendChain(db: PrismaClient, orgId: string | null, count: number): Promise<AuditLogEntry[]> {
  const entries: AuditLogEntry[] = [];
  for (let n = 1; n <= count; n++) {
    entries.push(await db.$transaction((tx) => appendAuditEntry(tx, entryInput(orgId, n))));
  }
  return entries;
}

/**
 * Plays the attacker with direct database access: as superuser, replica mode switches triggers
 * off (the append-only guard included) for this transaction only, SET LOCAL keeping it from
 * leaking to the next user of the pooled connection.
 */
export async function tamper(db: PrismaClient, attack: (tx: Prisma.TransactionClient) => Promise<unknown>): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
    await attack(tx);
  });
}

/**
 * A test file's own client and organizations: every org it makes is deleted (with its chain)
 * after the file. `chainOf(n)` makes an org with an n-entry chain.
 */
export function auditTestDatabase(poolSize = 4) {
  const db = createPrismaClient(undefined, poolSize);
  const orgs: string[] = [];
  afterAll(async () => {
    await deleteOrgs(db, orgs);
    await db.$disconnect();
  });
  const newOrg = () => createOrg(db, orgs);
  const chainOf = async (count: number) => {
    const orgId = await newOrg();
    return { orgId, entries: await appendChain(db, orgId, count) };
  };
  return { db, newOrg, chainOf };
}
