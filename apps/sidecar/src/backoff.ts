const BASE_MS = 250;
const CAP_MS = 10_000;

/** Exponential backoff with full jitter; capped low enough that a 60 s outage ends promptly. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
