import { createHash } from "node:crypto";
import { Ratelimit } from "@upstash/ratelimit";
import { Redis as IORedis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createRateLimiter } from "./create-rate-limiter";
import { ioredisAdapter, type RatelimitRedis } from "./ioredis-adapter";
import { clearPolicyOverrides, setPolicyOverride } from "./policies";
import { deleteMatching, uniquePrefix } from "./testing/redis-test-keys";
import { DAY_WINDOW_MS } from "@/testing/rate-limits";

const redisUrl = process.env.REDIS_URL;
// The hash @upstash/ratelimit 2.2.0 sends for its single-region fixed-window script.
const LIBRARY_FIXED_WINDOW_SHA = "b2efc02798c8e9b471a10f9b1d5745db89923ff3";

describe.skipIf(!redisUrl)("@upstash/ratelimit on stock Redis 7 through ioredisAdapter", () => {
  let client: IORedis;
  const prefixes: string[] = [];
  const prefix = (label: string) => {
    const p = uniquePrefix(label);
    prefixes.push(p);
    return p;
  };

  beforeAll(async () => {
    client = new IORedis(redisUrl!, { maxRetriesPerRequest: 1 });
    const info = await client.info("server");
    expect(info).toMatch(/redis_version:7\./);
  });
  afterEach(() => {
    clearPolicyOverrides();
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    for (const p of prefixes) await deleteMatching(client, `${p}:*`);
    client.disconnect();
  });

  it("the library's scripts are rejected by this Redis without the adapter (the problem is real)", async () => {
    const naive = {
      evalsha: (sha: string, keys: string[], args: unknown[]) => client.evalsha(sha, keys.length, ...keys, ...(args as string[])),
      eval: (script: string, keys: string[], args: unknown[]) => client.eval(script, keys.length, ...keys, ...(args as string[])),
    } as unknown as RatelimitRedis;
    const ratelimit = new Ratelimit({ redis: naive, prefix: prefix("naive"), limiter: Ratelimit.fixedWindow(5, "60 s"), enableTelemetry: false });
    await expect(ratelimit.limit("x")).rejects.toThrow(/Unexpected flag in script shebang: allow-key-locking/);
  });

  it("fixed window: admits exactly the limit, counts down, and resets at the window's end", async () => {
    setPolicyOverride("api.write", { algorithm: "fixed", rules: { principal: { limit: 5, windowMs: DAY_WINDOW_MS } } });
    const p = prefix("fixed");
    const limiter = createRateLimiter({ backend: { kind: "redis", client }, prefix: p });
    const results = [];
    for (let i = 0; i < 8; i++) results.push(await limiter.check("api.write", { principalId: "key_fixed" }));
    expect(results.map((r) => r.success)).toEqual([true, true, true, true, true, false, false, false]);
    expect(results.slice(0, 5).map((r) => r.remaining)).toEqual([4, 3, 2, 1, 0]);
    expect(results.every((r) => r.degraded === undefined)).toBe(true);
    expect(results[0]!.reset % DAY_WINDOW_MS).toBe(0);
    expect(results[0]!.reset).toBeGreaterThan(Date.now());
    const keys = await client.keys(`${p}:*`);
    expect(keys).toEqual([`${p}:api.write:principal:key_fixed:${results[0]!.reset / DAY_WINDOW_MS - 1}`]);
    expect(await client.pttl(keys[0]!)).toBeGreaterThan(0);
  });

  it("sliding window: admits exactly the limit, and a second limiter (another instance) shares the count", async () => {
    setPolicyOverride("api.write", { algorithm: "sliding", rules: { principal: { limit: 5, windowMs: DAY_WINDOW_MS } } });
    const p = prefix("sliding");
    const first = createRateLimiter({ backend: { kind: "redis", client }, prefix: p });
    const second = createRateLimiter({ backend: { kind: "redis", client }, prefix: p });
    const a = [];
    for (let i = 0; i < 3; i++) a.push(await first.check("api.write", { principalId: "key_sliding" }));
    const b = [];
    for (let i = 0; i < 4; i++) b.push(await second.check("api.write", { principalId: "key_sliding" }));
    expect(a.map((r) => r.success)).toEqual([true, true, true]);
    expect(b.map((r) => r.success)).toEqual([true, true, false, false]);
    expect(b[1]!.remaining).toBe(0);
  });

  it("loads the rewritten script once, then runs it by its own SHA with EVALSHA only", async () => {
    setPolicyOverride("api.write", { algorithm: "fixed", rules: { principal: { limit: 100, windowMs: DAY_WINDOW_MS } } });
    const limiter = createRateLimiter({ backend: { kind: "redis", client }, prefix: prefix("sha") });
    await limiter.check("api.write", { principalId: "key_sha" });
    const evalSpy = vi.spyOn(client, "eval");
    const evalshaSpy = vi.spyOn(client, "evalsha");
    for (let i = 0; i < 10; i++) expect((await limiter.check("api.write", { principalId: "key_sha" })).success).toBe(true);
    expect(evalSpy).not.toHaveBeenCalled();
    expect(evalshaSpy).toHaveBeenCalledTimes(10);
    const usedSha = evalshaSpy.mock.calls[0]![0] as string;
    expect(usedSha).not.toBe(LIBRARY_FIXED_WINDOW_SHA);
    expect(await client.script("EXISTS", usedSha, LIBRARY_FIXED_WINDOW_SHA)).toEqual([1, 0]);
  });

  it("the adapter's redirect target is the SHA1 of exactly the script Redis holds", async () => {
    const adapter = ioredisAdapter(client) as unknown as { eval: (s: string, k: string[], a: unknown[]) => Promise<unknown> };
    const script = `#!lua flags=allow-key-locking\nreturn ARGV[1]`;
    expect(await adapter.eval(script, [], ["hello"])).toBe("hello");
    const sha = createHash("sha1").update("#!lua\nreturn ARGV[1]").digest("hex");
    expect(await client.evalsha(sha, 0, "again")).toBe("again");
  });
});
