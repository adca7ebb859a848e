import type { AuditCheckpoint, Prisma } from "../generated/prisma/index.js";
import { newId } from "../ids";
import { getAuditChainHead, latestAuditCheckpoint, lockAuditChain } from "./chain-head";
import { walkAuditChain, type AuditChainBreak } from "./walk-audit-chain";

/** Sealing refuses a broken chain: a checkpoint over tampered entries would launder them. */
export class AuditChainBrokenError extends Error {
  constructor(
    readonly orgId: string | null,
    readonly brokenAtSeq: string,
    readonly reason: AuditChainBreak,
  ) {
    super(`audit chain ${orgId ?? "(platform)"} is broken at seq ${brokenAtSeq} (${reason}); refusing to seal it`);
    this.name = "AuditChainBrokenError";
  }
}

const RETENTION_SETTING = "bulwark.audit_retention";

/**
 * Retention for the audit log (issue 6): verifies the chain up to `uptoSeq`, records a
 * checkpoint holding the hash of entry `uptoSeq`, and deletes the entries up to it, all in the
 * caller's transaction. Verification then starts from the checkpoint and appends chain on, so
 * pruning never breaks the chain.
 *
 * Holds the chain lock like an append, so no writer chains to an entry being pruned. The
 * append-only trigger is opened only around the delete and put back as it was, so the rest of
 * the caller's transaction cannot delete audit rows by accident.
 */
export async function sealAuditCheckpoint(
  tx: Prisma.TransactionClient,
  orgId: string | null,
  uptoSeq: bigint,
): Promise<{ checkpoint: AuditCheckpoint; deleted: number }> {
  if ("$transaction" in tx) throw new TypeError("sealAuditCheckpoint must run inside a transaction");
  await lockAuditChain(tx, orgId);

  const sealed = (await latestAuditCheckpoint(tx, orgId))?.uptoSeq ?? 0n;
  const head = await getAuditChainHead(tx, orgId);
  if (uptoSeq <= sealed || !head || uptoSeq > head.seq) {
    throw new RangeError(`cannot seal up to ${uptoSeq}: entries after ${sealed} run to ${head?.seq ?? 0n}`);
  }

  const verified = await walkAuditChain(tx, orgId, { uptoSeq });
  if (!verified.ok) throw new AuditChainBrokenError(orgId, verified.brokenAtSeq, verified.reason);
  if (verified.headSeq !== uptoSeq.toString() || !verified.headHash) {
    throw new Error(`audit chain ${orgId ?? "(platform)"} ended at ${verified.headSeq} before ${uptoSeq}`);
  }

  const checkpoint = await tx.auditCheckpoint.create({
    data: { id: newId("auditCheckpoint"), orgId, uptoSeq, hash: verified.headHash },
  });

  const [setting] = await tx.$queryRaw<{ value: string | null }[]>`SELECT current_setting(${RETENTION_SETTING}, true) AS value`;
  await tx.$executeRaw`SELECT set_config(${RETENTION_SETTING}, 'on', true)`;
  const { count } = await tx.auditLogEntry.deleteMany({ where: { orgId, seq: { lte: uptoSeq } } });
  await tx.$executeRaw`SELECT set_config(${RETENTION_SETTING}, ${setting?.value ?? ""}, true)`;

  return { checkpoint, deleted: count };
}
