import { Ratelimit } from "@upstash/ratelimit";
import type { RatelimitRedis } from "./ioredis-adapter";
import type { RateLimitPolicy, RateLimitRule } from "./policies";
import type { Limiter } from "./types";

export class BackendTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`rate limit backend did not answer within ${timeoutMs} ms`);
    this.name = "BackendTimeoutError";
  }
}

export interface SharedLimiterOptions {
  redis: RatelimitRedis;
  algorithm: RateLimitPolicy["algorithm"];
  rule: RateLimitRule;
  /** Redis key prefix; the library appends `:<id>:<window number>`. */
  prefix: string;
  timeoutMs: number;
}

/** A limiter whose counters live in Redis (Upstash REST or self-hosted), via @upstash/ratelimit. */
export function sharedLimiter({ redis, algorithm, rule, prefix, timeoutMs }: SharedLimiterOptions): Limiter {
  const window = `${rule.windowMs} ms` as const;
  const ratelimit = new Ratelimit({
    redis,
    prefix,
    limiter: algorithm === "fixed" ? Ratelimit.fixedWindow(rule.limit, window) : Ratelimit.slidingWindow(rule.limit, window),
    timeout: timeoutMs,
    // Remembers identifiers already over their limit until reset, so a flood from one key is
    // refused without a Redis round trip. Bounded, since each flooding key adds an entry.
    ephemeralCache: new BoundedMap(10_000),
    analytics: false,
    // A self-hosted security product does not tag its traffic for a vendor.
    enableTelemetry: false,
  });

  return {
    async limit(id) {
      const answer = await ratelimit.limit(id);
      // On timeout the library answers success: true; the policy decides instead.
      if (answer.reason === "timeout") throw new BackendTimeoutError(timeoutMs);
      return { success: answer.success, limit: answer.limit, remaining: answer.remaining, reset: answer.reset };
    },
  };
}

/** A Map that forgets its oldest entry when full. */
class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly max: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (!this.has(key) && this.size >= this.max) {
      const oldest = this.keys().next();
      if (!oldest.done) this.delete(oldest.value);
    }
    return super.set(key, value);
  }
}
