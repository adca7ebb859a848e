import { AppError } from "@bulwark/contracts";
import { rateLimitHeaders } from "./rate-limit-headers";
import type { RateLimitResult } from "./types";

/**
 * The error for a refused request, headers included. A policy that fails closed during a Redis
 * outage answers 503, not 429: the caller did nothing wrong and should simply retry later.
 * The message is the same for every caller and policy, so a throttled sign-in reveals nothing
 * about the account it named.
 */
export function rateLimitError(result: RateLimitResult, now = Date.now()): AppError {
  const headers = rateLimitHeaders(result, now);
  if (result.degraded === "closed") {
    return new AppError("service_unavailable", "This action is temporarily unavailable. Try again shortly.", { headers });
  }
  return new AppError("rate_limited", "Too many requests. Try again later.", {
    headers,
    details: { policy: result.policy, limit: result.limit, resetAt: new Date(result.reset).toISOString() },
  });
}
