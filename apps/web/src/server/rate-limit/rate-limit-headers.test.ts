import { describe, expect, it } from "vitest";
import { rateLimitError } from "./rate-limit-error";
import { rateLimitHeaders } from "./rate-limit-headers";
import type { RateLimitResult } from "./types";

const now = Date.UTC(2030, 0, 1, 12, 0, 0);

describe("rateLimitHeaders", () => {
  it("sets both header families on an admitted request, without Retry-After", () => {
    const result: RateLimitResult = { policy: "api.read", success: true, limit: 600, remaining: 599, reset: now + 42_300 };
    expect(rateLimitHeaders(result, now)).toEqual({
      "RateLimit-Limit": "600",
      "RateLimit-Remaining": "599",
      "RateLimit-Reset": "43",
      "X-RateLimit-Limit": "600",
      "X-RateLimit-Remaining": "599",
      "X-RateLimit-Reset": String(Math.ceil((now + 42_300) / 1000)),
    });
  });

  it("adds Retry-After in whole seconds when refused", () => {
    const result: RateLimitResult = { policy: "api.write", success: false, limit: 10, remaining: 0, reset: now + 9_001, retryAfterSeconds: 10 };
    const headers = rateLimitHeaders(result, now);
    expect(headers["Retry-After"]).toBe("10");
    expect(headers["RateLimit-Remaining"]).toBe("0");
    expect(headers["RateLimit-Reset"]).toBe("10");
  });

  it("never announces a negative reset, and Retry-After is at least 1", () => {
    const result: RateLimitResult = { policy: "api.write", success: false, limit: 10, remaining: 0, reset: now - 500 };
    const headers = rateLimitHeaders(result, now);
    expect(headers["RateLimit-Reset"]).toBe("0");
    expect(headers["Retry-After"]).toBe("1");
  });
});

describe("rateLimitError", () => {
  it("is a 429 carrying the headers and the policy, limit and reset time", () => {
    const result: RateLimitResult = { policy: "auth.signin", success: false, limit: 10, remaining: 0, reset: now + 60_000, retryAfterSeconds: 60 };
    const error = rateLimitError(result, now);
    expect(error.status).toBe(429);
    expect(error.code).toBe("rate_limited");
    expect(error.headers?.["Retry-After"]).toBe("60");
    expect(error.headers?.["X-RateLimit-Limit"]).toBe("10");
    expect(error.details).toEqual({ policy: "auth.signin", limit: 10, resetAt: new Date(now + 60_000).toISOString() });
  });

  it("is a 503 with Retry-After when a closed policy refuses because Redis is down", () => {
    const result: RateLimitResult = { policy: "auth.signup", success: false, limit: 10, remaining: 0, reset: now + 5_000, retryAfterSeconds: 5, degraded: "closed" };
    const error = rateLimitError(result, now);
    expect(error.status).toBe(503);
    expect(error.headers?.["Retry-After"]).toBe("5");
  });
});
