import { type Candidate } from "./candidate";

/**
 * Keeps a deterministic, non-overlapping subset: higher priority first (a vendor rule beats the
 * generic one for the same value), then the longer span, then the earlier start, then rule order.
 * Returned in text order. An occupancy map makes each check proportional to the span's length.
 */
export function resolveOverlaps(candidates: Candidate[], textLength: number): Candidate[] {
  if (candidates.length <= 1) return candidates;
  const ordered = [...candidates].sort(
    (a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start || a.rule - b.rule,
  );
  const taken = new Uint8Array(textLength);
  const kept: Candidate[] = [];
  for (const candidate of ordered) {
    let free = true;
    for (let i = candidate.start; i < candidate.end; i++) {
      if (taken[i] === 1) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, candidate.start, candidate.end);
    kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}
