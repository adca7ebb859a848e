import type { RateLimitPolicy, RateLimitRule } from "./policies";
import type { LimitOutcome } from "./types";

interface Entry {
  windowMs: number;
  bucket: number;
  count: number;
  previous: number;
}

/**
 * In-process counters with the same arithmetic as @upstash/ratelimit's Redis scripts (which
 * has no in-memory backend), so a policy behaves the same with and without Redis. Used when no
 * Redis is configured and as the `memory` fallback when Redis fails.
 *
 * Bounded: past `maxKeys` expired counters are swept, then the least recently used tenth is
 * dropped. Dropping resets those counters, so an attacker able to create `maxKeys` distinct
 * keys inside one window could reset a victim's — the price of not letting key floods exhaust
 * memory; IPv6 keys are /64 prefixes (see clientIp) to make that harder.
 */
export class MemoryStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxKeys = 50_000) {}

  limit(key: string, algorithm: RateLimitPolicy["algorithm"], rule: RateLimitRule, now = Date.now()): LimitOutcome {
    const { limit, windowMs } = rule;
    const bucket = Math.floor(now / windowMs);
    const entry = this.current(key, windowMs, bucket, now);
    const reset = (bucket + 1) * windowMs;

    if (algorithm === "fixed") {
      entry.count += 1;
      return { success: entry.count <= limit, limit, remaining: Math.max(0, limit - entry.count), reset };
    }
    // Sliding: the previous window counts in proportion to how much of it still overlaps.
    const previous = Math.floor((1 - (now % windowMs) / windowMs) * entry.previous);
    if (previous + entry.count >= limit) return { success: false, limit, remaining: 0, reset };
    entry.count += 1;
    return { success: true, limit, remaining: Math.max(0, limit - (entry.count + previous)), reset };
  }

  get size(): number {
    return this.entries.size;
  }

  private current(key: string, windowMs: number, bucket: number, now: number): Entry {
    const found = this.entries.get(key);
    let entry: Entry;
    if (found && found.windowMs === windowMs && found.bucket === bucket) entry = found;
    else {
      const carried = found && found.windowMs === windowMs && found.bucket === bucket - 1 ? found.count : 0;
      entry = { windowMs, bucket, count: 0, previous: carried };
    }
    // Re-inserting moves the key to the end, so Map order is least recently used first.
    this.entries.delete(key);
    if (this.entries.size >= this.maxKeys) this.evict(now);
    this.entries.set(key, entry);
    return entry;
  }

  private evict(now: number): void {
    for (const [key, entry] of this.entries) {
      // Older than the previous window: neither algorithm reads it any more.
      if (entry.bucket < Math.floor(now / entry.windowMs) - 1) this.entries.delete(key);
    }
    if (this.entries.size < this.maxKeys) return;
    let drop = Math.ceil(this.maxKeys / 10);
    for (const key of this.entries.keys()) {
      if (drop-- <= 0) break;
      this.entries.delete(key);
    }
  }
}
