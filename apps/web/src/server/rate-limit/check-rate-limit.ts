import "server-only";
import { log } from "@/server/log";
import { recordRateLimitRejection } from "@/server/metrics/record";
import { getRedis } from "@/server/redis";
import { createRateLimiter, type RateLimiter } from "./create-rate-limiter";
import type { PolicyName } from "./policies";
import type { RateLimitIdentity, RateLimitResult } from "./types";

// On globalThis so every route bundle and each dev hot reload share one set of in-process
// counters; separate copies would each grant the full allowance.
const globalForRateLimit = globalThis as unknown as { bulwarkRateLimiter?: RateLimiter };

/** Spends one request of `policy` for `identity` and says whether it may proceed. */
export async function checkRateLimit(policy: PolicyName, identity: RateLimitIdentity): Promise<RateLimitResult> {
  globalForRateLimit.bulwarkRateLimiter ??= createRateLimiter({
    backend: getRedis(),
    onBackendError: (err, failing) => log.warn({ err, policy: failing }, "rate limit backend unavailable; policies use their failure mode"),
  });
  const result = await globalForRateLimit.bulwarkRateLimiter.check(policy, identity);
  if (!result.success) recordRateLimitRejection(policy, result.degraded === "closed");
  return result;
}
