import type { RateLimitResult } from "./types";

/**
 * Headers for every limited response. `RateLimit-*` follow the IETF httpapi draft's separate
 * fields (reset as seconds from now, which needs no clock agreement); `X-RateLimit-*` are the
 * de-facto convention clients already parse (reset as epoch seconds). `Retry-After` only on
 * refusal, as RFC 9110 intends.
 */
export function rateLimitHeaders(result: RateLimitResult, now = Date.now()): Record<string, string> {
  const secondsToReset = Math.max(0, Math.ceil((result.reset - now) / 1000));
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(result.limit),
    "RateLimit-Remaining": String(result.remaining),
    "RateLimit-Reset": String(secondsToReset),
    "X-RateLimit-Limit": String(result.limit),
    "X-RateLimit-Remaining": String(result.remaining),
    "X-RateLimit-Reset": String(Math.ceil(result.reset / 1000)),
  };
  if (!result.success) headers["Retry-After"] = String(result.retryAfterSeconds ?? Math.max(1, secondsToReset));
  return headers;
}
