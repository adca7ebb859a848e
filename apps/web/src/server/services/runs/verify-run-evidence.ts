import "server-only";
import { prisma } from "@bulwark/db";
import { verifyEvidenceChain } from "@bulwark/redteam";
import { recordChainVerification } from "@/server/metrics/record";
import type { ServiceContext } from "@/server/auth/principal";
import { getRunOrThrow } from "./get-run-or-throw";

/**
 * Recomputes the run's evidence chain from its rows, against the head recorded on the run. A
 * live run keeps appending: its links are checked up to the head read first (each append moves
 * the head in the same transaction), so a link written meanwhile is not taken for tampering. A
 * finished run's links are all checked: one past its head was added behind its back.
 * Only the org is needed: scripts/verify-chains.ts checks restored backups with this function.
 */
export async function verifyRunEvidence(ctx: Pick<ServiceContext, "orgId">, runId: string) {
  const run = await getRunOrThrow(ctx, runId);
  const live = run.status === "QUEUED" || run.status === "RUNNING";
  const items = await prisma.evidenceItem.findMany({
    where: { runId: run.id, ...(live ? { seq: { lte: run.evidenceSeq } } : {}) },
    orderBy: { seq: "asc" },
    select: { seq: true, kind: true, payload: true, turnId: true, prevHash: true, hash: true },
  });
  const result = verifyEvidenceChain(items, { head: { seq: run.evidenceSeq, hash: run.evidenceHeadHash } });
  recordChainVerification(result.ok);
  return result.ok
    ? { ok: true, items: items.length, headHash: result.headHash, firstMismatch: null }
    : { ok: false, items: items.length, headHash: null, firstMismatch: result.firstMismatch };
}
