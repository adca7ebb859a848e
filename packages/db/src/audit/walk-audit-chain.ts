import type { AuditLogEntry, Prisma, PrismaClient } from "../generated/prisma/index.js";
import { latestAuditCheckpoint } from "./chain-head";
import { computeAuditEntryHash } from "./entry-hash";

type Db = PrismaClient | Prisma.TransactionClient;

export type AuditChainBreak = "hash_mismatch" | "prev_hash_mismatch" | "sequence_gap" | "checkpoint_mismatch";

/** Sequence numbers are decimal strings: exact beyond 2^53 and ready for JSON. */
export type AuditChainVerification =
  | {
      ok: true;
      /** Entries checked (those after the latest checkpoint). */
      entries: number;
      /** The head, to anchor outside the database: only an anchor detects a truncated tail. */
      headSeq: string | null;
      headHash: string | null;
      checkedFromSeq: string;
    }
  | { ok: false; brokenAtSeq: string; reason: AuditChainBreak };

export interface WalkOptions {
  /** Stop after this seq (sealing verifies only what it seals). */
  uptoSeq?: bigint;
  pageSize?: number;
}

/**
 * Walks a chain in seq order, page by page, from its latest checkpoint (or seq 1) and reports
 * the first sequence number where it breaks. Per entry, in this order: the seq is the next one,
 * the stored hash is the recomputed one, and prevHash is the previous entry's hash (for the
 * first entry after a checkpoint, the checkpoint's). Consistent only within one snapshot: see
 * `verifyAuditChain`.
 */
export async function walkAuditChain(db: Db, orgId: string | null, options: WalkOptions = {}): Promise<AuditChainVerification> {
  const { uptoSeq, pageSize = 1000 } = options;
  // An empty first page reads as an empty, valid chain: never let a bad size produce one.
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive integer, got ${pageSize}`);
  const checkpoint = await latestAuditCheckpoint(db, orgId);
  const checkedFromSeq = checkpoint ? checkpoint.uptoSeq + 1n : 1n;
  let expectedSeq = checkedFromSeq;
  let prevHash = checkpoint?.hash ?? null;
  let entries = 0;
  // The first page has no lower bound, so rows hiding below the start (behind a checkpoint,
  // or at seq 0 and below) are seen and reported rather than skipped.
  let after: bigint | undefined;

  for (;;) {
    const page: AuditLogEntry[] = await db.auditLogEntry.findMany({
      where: { orgId, seq: { gt: after, lte: uptoSeq } },
      orderBy: { seq: "asc" },
      take: pageSize,
    });
    for (const entry of page) {
      const reason = findBreak(entry, expectedSeq, prevHash, checkpoint !== null && expectedSeq === checkedFromSeq);
      if (reason) {
        const brokenAtSeq = entry.seq < expectedSeq ? entry.seq : expectedSeq;
        return { ok: false, brokenAtSeq: brokenAtSeq.toString(), reason };
      }
      prevHash = entry.hash;
      expectedSeq += 1n;
      entries += 1;
    }
    const last = page.at(-1);
    if (!last || page.length < pageSize) break;
    after = last.seq;
  }

  const headSeq = expectedSeq - 1n;
  return {
    ok: true,
    entries,
    headSeq: headSeq > 0n ? headSeq.toString() : null,
    headHash: prevHash,
    checkedFromSeq: checkedFromSeq.toString(),
  };
}

function findBreak(entry: AuditLogEntry, expectedSeq: bigint, prevHash: string | null, afterCheckpoint: boolean): AuditChainBreak | null {
  // Below the start only if it survived or was slipped in behind a checkpoint.
  if (entry.seq < expectedSeq) return afterCheckpoint ? "checkpoint_mismatch" : "sequence_gap";
  if (entry.seq > expectedSeq) return "sequence_gap";
  if (computeAuditEntryHash(entry) !== entry.hash) return "hash_mismatch";
  if (entry.prevHash !== prevHash) return afterCheckpoint ? "checkpoint_mismatch" : "prev_hash_mismatch";
  return null;
}
