import { createHash } from "node:crypto";
import { canonicalJson } from "@bulwark/contracts";

/** What one link of a run's evidence chain commits to (its stored hash and prev hash aside). */
export interface EvidenceLink {
  seq: number;
  /** MESSAGE, REPLY, TOOL_CALL, EGRESS_EVENT, VERDICT, FINDING, ERROR (the stored enum name). */
  kind: string;
  /** Redacted content; event ids for egress links. */
  payload: unknown;
  turnId: string | null;
}

/**
 * SHA-256 (lower-case hex) of `canonicalJson({ prev, seq, kind, turnId, payload })`. Committing
 * to the previous hash makes the chain tamper-evident: changing, dropping or reordering any link
 * changes every hash after it, up to the head a report prints. `prev` is null only for seq 1.
 */
export function evidenceHash(prevHash: string | null, item: EvidenceLink): string {
  const canonical = canonicalJson({ prev: prevHash, seq: item.seq, kind: item.kind, turnId: item.turnId, payload: item.payload });
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}
