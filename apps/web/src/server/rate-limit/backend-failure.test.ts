import { Redis as IORedis } from "ioredis";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type { RedisBackend } from "@/server/redis";
import { createRateLimiter } from "./create-rate-limiter";
import { clearPolicyOverrides, setPolicyOverride } from "./policies";
import { rateLimitError } from "./rate-limit-error";
import { DAY_WINDOW_MS } from "@/testing/rate-limits";

// Nothing listens on port 1: every command fails fast, as when Redis is down.
const unreachable = new IORedis("redis://127.0.0.1:1", {
  maxRetriesPerRequest: 1,
  commandTimeout: 300,
  connectTimeout: 300,
  retryStrategy: () => 50,
});
unreachable.on("error", () => {});
const down: RedisBackend = { kind: "redis", client: unreachable };

// An Upstash client that never answers: the library's own timeout fires and claims success.
const hanging = { kind: "upstash", client: { evalsha: () => new Promise(() => {}), eval: () => new Promise(() => {}) } } as unknown as RedisBackend;

afterEach(() => clearPolicyOverrides());
afterAll(() => unreachable.disconnect());

async function admitted(limiter: ReturnType<typeof createRateLimiter>, n: number, ...args: Parameters<ReturnType<typeof createRateLimiter>["check"]>) {
  const results = [];
  for (let i = 0; i < n; i++) results.push(await limiter.check(...args));
  return results;
}

describe("when Redis is unreachable", () => {
  it("sign-in falls back to the in-process limiter and still limits, per IP and per email", async () => {
    setPolicyOverride("auth.signin", { rules: { ip: { limit: 5, windowMs: DAY_WINDOW_MS }, email: { limit: 3, windowMs: DAY_WINDOW_MS } } });
    const onBackendError = vi.fn();
    const limiter = createRateLimiter({ backend: down, onBackendError });
    const byEmail = await admitted(limiter, 4, "auth.signin", { ip: "192.0.2.1", email: "victim@example.com" });
    expect(byEmail.map((r) => r.success)).toEqual([true, true, true, false]);
    expect(byEmail.every((r) => r.degraded === "memory")).toBe(true);
    expect(byEmail[3]!.retryAfterSeconds).toBeGreaterThan(0);
    // The address has spent 4 of its 5 attempts, whichever account it names next.
    const byIp = await admitted(limiter, 3, "auth.signin", { ip: "192.0.2.1", email: "other@example.com" });
    expect(byIp.map((r) => r.success)).toEqual([true, false, false]);
    // One log line for the outage, not one per request.
    expect(onBackendError).toHaveBeenCalledTimes(1);
  });

  it("api.read fails open: admitted, and marked as such", async () => {
    setPolicyOverride("api.read", { rules: { principal: { limit: 2, windowMs: DAY_WINDOW_MS } } });
    const limiter = createRateLimiter({ backend: down });
    const results = await admitted(limiter, 5, "api.read", { principalId: "key_read", orgId: "org_read" });
    expect(results.every((r) => r.success && r.degraded === "open")).toBe(true);
  });

  it("api.write and ingest fall back to memory", async () => {
    setPolicyOverride("api.write", { rules: { principal: { limit: 2, windowMs: DAY_WINDOW_MS } } });
    setPolicyOverride("ingest", { rules: { principal: { limit: 1, windowMs: DAY_WINDOW_MS } } });
    const limiter = createRateLimiter({ backend: down });
    const writes = await admitted(limiter, 3, "api.write", { principalId: "key_w", orgId: "org_w" });
    expect(writes.map((r) => [r.success, r.degraded])).toEqual([[true, "memory"], [true, "memory"], [false, "memory"]]);
    const ingest = await admitted(limiter, 2, "ingest", { principalId: "key_w", orgId: "org_w" });
    expect(ingest.map((r) => r.success)).toEqual([true, false]);
  });

  it("sign-up fails closed with a 503 and Retry-After", async () => {
    const limiter = createRateLimiter({ backend: down, cooldownMs: 3_000 });
    const [result] = await admitted(limiter, 1, "auth.signup", { ip: "192.0.2.9" });
    expect(result).toMatchObject({ success: false, degraded: "closed" });
    const error = rateLimitError(result!);
    expect(error.status).toBe(503);
    expect(Number(error.headers?.["Retry-After"])).toBeGreaterThanOrEqual(1);
  });

  it("treats the library's timeout answer (success: true) as a failure, not as an admission", async () => {
    setPolicyOverride("auth.signin", { rules: { ip: { limit: 2, windowMs: DAY_WINDOW_MS } } });
    const limiter = createRateLimiter({ backend: hanging, timeoutMs: 50 });
    const results = await admitted(limiter, 4, "auth.signin", { ip: "192.0.2.10" });
    expect(results.map((r) => [r.success, r.degraded])).toEqual([[true, "memory"], [true, "memory"], [false, "memory"], [false, "memory"]]);
  });
});

describe("without Redis (in-process)", () => {
  it("checks principal and organization, and the stricter wins", async () => {
    setPolicyOverride("api.write", { rules: { principal: { limit: 3, windowMs: DAY_WINDOW_MS }, org: { limit: 5, windowMs: DAY_WINDOW_MS } } });
    const limiter = createRateLimiter({ backend: { kind: "none" } });
    const alice = await admitted(limiter, 4, "api.write", { principalId: "usr_alice", orgId: "org_shared" });
    expect(alice.map((r) => r.success)).toEqual([true, true, true, false]);
    expect(alice[2]).toMatchObject({ limit: 3, remaining: 0 });
    const bob = await admitted(limiter, 3, "api.write", { principalId: "usr_bob", orgId: "org_shared" });
    expect(bob.map((r) => r.success)).toEqual([true, true, false]);
    expect(bob[2]).toMatchObject({ limit: 5, remaining: 0 });
    expect(bob.every((r) => r.degraded === undefined)).toBe(true);
  });
});
