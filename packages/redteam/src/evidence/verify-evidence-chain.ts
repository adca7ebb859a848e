import { evidenceHash, type EvidenceLink } from "./evidence-hash";

/** A link as stored: what it commits to, plus the hashes written with it. */
export interface StoredEvidenceLink extends EvidenceLink {
  prevHash: string | null;
  hash: string;
}

export type EvidenceChainMismatch = "hash_mismatch" | "prev_mismatch" | "seq_gap";

export type EvidenceChainVerification =
  | { ok: true; headHash: string | null }
  | { ok: false; firstMismatch: { seq: number; reason: EvidenceChainMismatch } };

export interface VerifyEvidenceChainOptions {
  /**
   * The head recorded on the run (`evidenceSeq`, `evidenceHeadHash`). Without it, deleting the
   * last links leaves a shorter chain that is still internally consistent; with it, a cut tail
   * is a `seq_gap` and a rewritten tail a `hash_mismatch`.
   */
  head?: { seq: number; hash: string | null };
}

/**
 * Recomputes every link of a run's chain, `items` ordered by seq (as the database returns them
 * for `ORDER BY seq`). Reports the first link that breaks: a seq that is not the previous plus
 * one (a deleted or reordered link), a prev hash that is not the previous link's hash (a link
 * spliced in from elsewhere), or a stored hash that its content does not produce (an edit).
 */
export function verifyEvidenceChain(items: readonly StoredEvidenceLink[], options: VerifyEvidenceChainOptions = {}): EvidenceChainVerification {
  let prev: StoredEvidenceLink | null = null;
  for (const item of items) {
    const expectedSeq = prev === null ? 1 : prev.seq + 1;
    if (item.seq !== expectedSeq) return mismatch(expectedSeq < item.seq ? expectedSeq : item.seq, "seq_gap");
    if (item.prevHash !== (prev === null ? null : prev.hash)) return mismatch(item.seq, "prev_mismatch");
    if (evidenceHash(item.prevHash, item) !== item.hash) return mismatch(item.seq, "hash_mismatch");
    prev = item;
  }

  const head = options.head;
  const last = prev?.seq ?? 0;
  if (head !== undefined) {
    if (last < head.seq) return mismatch(last + 1, "seq_gap");
    // Links past the recorded head were added behind the run's back: the head never covered them.
    if (last > head.seq) return mismatch(head.seq + 1, "hash_mismatch");
    if ((prev?.hash ?? null) !== head.hash) return mismatch(last, "hash_mismatch");
  }
  return { ok: true, headHash: prev?.hash ?? null };
}

function mismatch(seq: number, reason: EvidenceChainMismatch): EvidenceChainVerification {
  return { ok: false, firstMismatch: { seq, reason } };
}
