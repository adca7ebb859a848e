import { evidenceHash } from "@bulwark/redteam";
import { type EvidenceKind, newId, type Prisma, type PrismaClient } from "@bulwark/db";

export interface EvidenceInput {
  kind: EvidenceKind;
  turnId: string | null;
  /** Already redacted. */
  payload: Prisma.InputJsonValue;
}

export interface AppendedEvidence {
  id: string;
  seq: number;
  hash: string;
}

/**
 * Appends items to the run's hash-linked evidence chain. The run row is locked for the append,
 * so concurrent scenario instances of one run take consecutive numbers and each link names the
 * one before it. Payloads are hashed exactly as stored (a JSON round trip first), so verify can
 * recompute every link from the rows alone.
 */
export async function appendEvidence(prisma: PrismaClient, run: { id: string; orgId: string }, items: EvidenceInput[]): Promise<AppendedEvidence[]> {
  if (items.length === 0) return [];
  return prisma.$transaction(async (tx) => {
    const [head] = await tx.$queryRaw<{ evidence_seq: number; evidence_head_hash: string | null }[]>`
      SELECT evidence_seq, evidence_head_hash FROM runs WHERE id = ${run.id} FOR UPDATE`;
    if (!head) throw new Error(`run ${run.id} is gone`);
    let seq = head.evidence_seq;
    let prev = head.evidence_head_hash;
    const rows = items.map((item) => {
      seq += 1;
      const payload = JSON.parse(JSON.stringify(item.payload)) as Prisma.InputJsonValue;
      const hash = evidenceHash(prev, { seq, kind: item.kind, payload, turnId: item.turnId });
      const row = { id: newId("evidence"), orgId: run.orgId, runId: run.id, turnId: item.turnId, seq, kind: item.kind, payload, prevHash: prev, hash };
      prev = hash;
      return row;
    });
    await tx.evidenceItem.createMany({ data: rows });
    await tx.run.update({ where: { id: run.id }, data: { evidenceSeq: seq, evidenceHeadHash: prev } });
    return rows.map(({ id, seq, hash }) => ({ id, seq, hash }));
  });
}
