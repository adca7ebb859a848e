/** Never wait longer than this for one retry, whatever the agent asks: a run must keep moving. */
export const MAX_RETRY_WAIT_MS = 30_000;
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 8_000;

/** `Retry-After` as delay-seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // HTTP dates start with a day name; Date.parse alone would read "-5" as a year.
  if (!/^[A-Za-z]{3}/.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait before retry number `retry` (1-based): what `Retry-After` says, capped;
 * otherwise exponential backoff with jitter, so parallel turns do not retry in lockstep.
 */
export function retryDelay(retry: number, retryAfter: string | undefined, random: () => number = Math.random, now = Date.now()): number {
  const asked = parseRetryAfter(retryAfter, now);
  if (asked !== undefined) return Math.min(asked, MAX_RETRY_WAIT_MS);
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(retry - 1, 16));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
