import { Prisma, type PrismaClient } from "../generated/prisma/index.js";
import { walkAuditChain, type AuditChainVerification } from "./walk-audit-chain";

export interface VerifyAuditChainOptions {
  pageSize?: number;
  /** Upper bound on the verifying transaction; a long chain is read page by page inside it. */
  timeoutMs?: number;
}

/**
 * Recomputes an org's audit chain (the platform's for null) and answers ok with its head, or the
 * first broken sequence number and why.
 *
 * Given a client, it reads in one REPEATABLE READ transaction: with a fresh snapshot per page, a
 * retention seal committing halfway would look like a gap. It takes no lock, so appends carry on
 * meanwhile. Given a transaction, it reads in that transaction's snapshot(s).
 *
 * What a chain cannot prove by itself: that entries were not removed from the END (the head just
 * moves back), nor that someone with write access did not rewrite every hash from some point on,
 * nor that a checkpoint was sealed by retention rather than forged after deleting a prefix.
 * Those need the returned headSeq/headHash (and checkpoints) anchored outside the database.
 */
export async function verifyAuditChain(
  db: PrismaClient | Prisma.TransactionClient,
  orgId: string | null,
  { pageSize, timeoutMs = 120_000 }: VerifyAuditChainOptions = {},
): Promise<AuditChainVerification> {
  if (!("$transaction" in db)) return walkAuditChain(db, orgId, { pageSize });
  return db.$transaction((tx) => walkAuditChain(tx, orgId, { pageSize }), {
    isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
    timeout: timeoutMs,
    maxWait: 10_000,
  });
}
