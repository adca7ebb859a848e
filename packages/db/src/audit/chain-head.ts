import type { AuditCheckpoint, Prisma, PrismaClient } from "../generated/prisma/index.js";

type Db = PrismaClient | Prisma.TransactionClient;

export interface ChainLink {
  seq: bigint;
  hash: string;
}

/**
 * Serialises the writers of one chain (an org's, or the platform's for null) until the
 * transaction ends, so two appends can never read the same head and fork it. The two-key form
 * keeps audit locks apart from single-key advisory locks elsewhere (event partitions); a hashtext
 * collision between two orgs only makes them wait for each other, it cannot mix their chains.
 */
export async function lockAuditChain(tx: Prisma.TransactionClient, orgId: string | null): Promise<void> {
  // $executeRaw: pg_advisory_xact_lock returns void, which $queryRaw cannot deserialise.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('bulwark:audit-chain'), hashtext(${orgId ?? ""}::text))`;
}

/** The newest checkpoint of a chain: verification and appends continue from it once entries are pruned. */
export async function latestAuditCheckpoint(db: Db, orgId: string | null): Promise<AuditCheckpoint | null> {
  return db.auditCheckpoint.findFirst({ where: { orgId }, orderBy: { uptoSeq: "desc" } });
}

/**
 * The link a new entry chains to: the highest entry, or the latest checkpoint when retention
 * pruned everything up to it, or null for an empty chain. Entries left after a seal are always
 * above its checkpoint, so the checkpoint is read only for an empty chain. Call under
 * `lockAuditChain`.
 */
export async function getAuditChainHead(db: Db, orgId: string | null): Promise<ChainLink | null> {
  const last = await db.auditLogEntry.findFirst({ where: { orgId }, orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  if (last) return last;
  const checkpoint = await latestAuditCheckpoint(db, orgId);
  return checkpoint && { seq: checkpoint.uptoSeq, hash: checkpoint.hash };
}
