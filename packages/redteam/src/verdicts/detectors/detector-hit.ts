import { type EvidenceRef } from "../types";
import { type FiringDetector } from "../detector-confidence";

/** One detector that fired on a turn: the sentence a person reads, and what proves it. */
export interface DetectorHit {
  detector: FiringDetector;
  reason: string;
  evidence: EvidenceRef[];
}
