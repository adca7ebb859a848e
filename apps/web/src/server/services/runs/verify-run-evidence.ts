import "server-only";
import { prisma } from "@bulwark/db";
import { verifyEvidenceChain } from "@bulwark/redteam";
import type { ServiceContext } from "@/server/auth/principal";
import { getRunOrThrow } from "./get-run-or-throw";

/** Recomputes the run's evidence chain from its rows, against the head recorded on the run. */
export async function verifyRunEvidence(ctx: ServiceContext, runId: string) {
  const run = await getRunOrThrow(ctx, runId);
  const items = await prisma.evidenceItem.findMany({
    where: { runId: run.id },
    orderBy: { seq: "asc" },
    select: { seq: true, kind: true, payload: true, turnId: true, prevHash: true, hash: true },
  });
  const result = verifyEvidenceChain(items, { head: { seq: run.evidenceSeq, hash: run.evidenceHeadHash } });
  return result.ok
    ? { ok: true, items: items.length, headHash: result.headHash, firstMismatch: null }
    : { ok: false, items: items.length, headHash: null, firstMismatch: result.firstMismatch };
}
