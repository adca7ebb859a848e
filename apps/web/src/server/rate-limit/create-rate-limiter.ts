import type { RedisBackend } from "@/server/redis";
import { type IdentityKey, identityKeys } from "./identity-keys";
import { ioredisAdapter, type RatelimitRedis } from "./ioredis-adapter";
import { MemoryStore } from "./memory-store";
import { mostRestrictive } from "./most-restrictive";
import { getPolicy, type PolicyName, type RateLimitPolicy } from "./policies";
import { sharedLimiter } from "./shared-limiter";
import type { Limiter, LimitOutcome, RateLimitIdentity, RateLimitResult } from "./types";

export interface RateLimiterOptions {
  /** From getRedis(): Upstash REST, self-hosted Redis, or none (in-process counters). */
  backend: RedisBackend;
  /** Redis key prefix (default `bw:rl`); tests pass their own. */
  prefix?: string;
  /** Longest wait for Redis before the policy's failure mode decides (default 1.5 s). */
  timeoutMs?: number;
  /** After a failure, how long to skip Redis entirely (default 5 s): during an outage requests
   * should not each pay the timeout, and a struggling Redis should not get a retry storm. */
  cooldownMs?: number;
  memory?: MemoryStore;
  /** Called once when Redis starts failing (again after each cooldown), for the log. */
  onBackendError?: (error: unknown, policy: PolicyName) => void;
}

export interface RateLimiter {
  check(policy: PolicyName, identity: RateLimitIdentity): Promise<RateLimitResult>;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { backend, prefix = "bw:rl", timeoutMs = 1_500, cooldownMs = 5_000 } = options;
  const memory = options.memory ?? new MemoryStore();
  const redis: RatelimitRedis | undefined =
    backend.kind === "upstash" ? backend.client : backend.kind === "redis" ? ioredisAdapter(backend.client) : undefined;
  const limiters = new Map<string, Limiter>();
  let backendDownUntil = 0;

  function shared(redis: RatelimitRedis, name: PolicyName, policy: RateLimitPolicy, key: IdentityKey): Limiter {
    const id = [name, key.dimension, policy.algorithm, key.rule.limit, key.rule.windowMs].join("|");
    let limiter = limiters.get(id);
    if (!limiter) {
      const keyPrefix = `${prefix}:${name}:${key.dimension}`;
      limiter = sharedLimiter({ redis, algorithm: policy.algorithm, rule: key.rule, prefix: keyPrefix, timeoutMs });
      limiters.set(id, limiter);
    }
    return limiter;
  }

  function inMemory(name: PolicyName, policy: RateLimitPolicy, keys: IdentityKey[]): Promise<LimitOutcome> {
    const now = Date.now();
    return spend(keys, async (key) => memory.limit(`${name}:${key.dimension}:${key.id}`, policy.algorithm, key.rule, now));
  }

  async function fallback(name: PolicyName, policy: RateLimitPolicy, keys: IdentityKey[]): Promise<RateLimitResult> {
    const now = Date.now();
    switch (policy.onBackendFailure) {
      case "memory":
        return result(name, await inMemory(name, policy, keys), "memory");
      case "open": {
        // Nothing was counted; the headers show the full allowance rather than a made-up count.
        const outcomes = keys.map((key) => ({ success: true, limit: key.rule.limit, remaining: key.rule.limit, reset: now + key.rule.windowMs }));
        return result(name, mostRestrictive(outcomes), "open");
      }
      case "closed": {
        const outcomes = keys.map((key) => ({ success: false, limit: key.rule.limit, remaining: 0, reset: Math.max(backendDownUntil, now + 1_000) }));
        return result(name, mostRestrictive(outcomes), "closed");
      }
    }
  }

  return {
    async check(name, identity) {
      const policy = getPolicy(name);
      const keys = identityKeys(policy, identity);
      if (!redis) return result(name, await inMemory(name, policy, keys));
      if (Date.now() >= backendDownUntil) {
        try {
          return result(name, await spend(keys, (key) => shared(redis, name, policy, key).limit(key.id)));
        } catch (error) {
          // Concurrent failures of one outage are reported once.
          if (Date.now() >= backendDownUntil) options.onBackendError?.(error, name);
          backendDownUntil = Date.now() + cooldownMs;
        }
      }
      return fallback(name, policy, keys);
    },
  };
}

/**
 * Spends the keys in order and stops at the first refusal, so a request refused by one limit
 * costs nothing against the ones after it: a principal hammering past its own limit does not
 * drain its organization's allowance for colleagues, and sign-in attempts refused per IP do
 * not extend the named account's lockout. Earlier keys pay for refusals by later ones (the
 * caller's own IP or principal). Sequential, so one Redis round trip per key.
 */
async function spend(keys: IdentityKey[], limit: (key: IdentityKey) => Promise<LimitOutcome>): Promise<LimitOutcome> {
  const outcomes: LimitOutcome[] = [];
  for (const key of keys) {
    const outcome = await limit(key);
    outcomes.push(outcome);
    if (!outcome.success) break;
  }
  return mostRestrictive(outcomes);
}

function result(policy: PolicyName, outcome: LimitOutcome, degraded?: RateLimitResult["degraded"]): RateLimitResult {
  const answer: RateLimitResult = { policy, ...outcome };
  if (degraded) answer.degraded = degraded;
  if (!outcome.success) answer.retryAfterSeconds = Math.max(1, Math.ceil((outcome.reset - Date.now()) / 1000));
  return answer;
}
