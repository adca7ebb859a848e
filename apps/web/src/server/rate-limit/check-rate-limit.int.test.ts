import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { errorResponse } from "@/server/http/error-response";
import { getRedis } from "@/server/redis";
import { checkRateLimit, rateLimitError, rateLimitHeaders } from "./index";
import { clearPolicyOverrides, setPolicyOverride } from "./policies";
import { deleteMatching } from "./testing/redis-test-keys";
import { DAY_WINDOW_MS } from "@/testing/rate-limits";

// The default limiter as route() will use it: the configured backend (REDIS_URL here, or the
// in-process counters without it), production key prefix, unique ids so nothing collides.
const run = randomUUID();
const principalId = `key_${run}`;

afterEach(() => clearPolicyOverrides());
afterAll(async () => {
  const backend = getRedis();
  if (backend.kind !== "redis") return;
  await deleteMatching(backend.client, `bw:rl:*${run}*`);
});

describe("checkRateLimit with the configured backend", () => {
  it("admits up to the limit, then yields a 429 envelope with Retry-After and both header families", async () => {
    setPolicyOverride("api.write", { rules: { principal: { limit: 2, windowMs: DAY_WINDOW_MS }, org: { limit: 100, windowMs: DAY_WINDOW_MS } } });
    const identity = { principalId, orgId: `org_${run}` };
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await checkRateLimit("api.write", identity));
    expect(results.map((r) => r.success)).toEqual([true, true, false]);
    expect(results.every((r) => r.degraded === undefined)).toBe(true);
    expect(rateLimitHeaders(results[0]!)).toMatchObject({ "RateLimit-Limit": "2", "RateLimit-Remaining": "1" });

    const response = errorResponse(rateLimitError(results[2]!), "req_test");
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(response.headers.get("ratelimit-remaining")).toBe("0");
    expect(response.headers.get("x-ratelimit-limit")).toBe("2");
    const body = (await response.json()) as { error: { code: string; details: { policy: string; limit: number } } };
    expect(body.error).toMatchObject({ code: "rate_limited", details: { policy: "api.write", limit: 2 } });

    if (process.env.REDIS_URL) {
      expect(getRedis().kind).toBe("redis");
      const backend = getRedis();
      if (backend.kind === "redis") expect(await backend.client.keys(`bw:rl:api.write:principal:${principalId}:*`)).toHaveLength(1);
    }
  });
});
