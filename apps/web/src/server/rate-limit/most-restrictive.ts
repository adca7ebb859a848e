import type { LimitOutcome } from "./types";

/**
 * Combines the per-key outcomes of one request. Denied if any key is denied, and then the
 * caller must wait for the latest reset among the denials; otherwise the key with the fewest
 * requests left speaks for the request, so the headers describe the limit that will bite first.
 */
export function mostRestrictive(outcomes: LimitOutcome[]): LimitOutcome {
  const [first, ...rest] = outcomes;
  if (!first) throw new Error("mostRestrictive needs at least one outcome");
  return rest.reduce((worst, next) => (moreRestrictive(next, worst) ? next : worst), first);
}

function moreRestrictive(a: LimitOutcome, b: LimitOutcome): boolean {
  if (a.success !== b.success) return !a.success;
  if (!a.success) return a.reset > b.reset;
  if (a.remaining !== b.remaining) return a.remaining < b.remaining;
  return a.reset > b.reset;
}
