import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff";
import { parseRetryAfter } from "./platform-client";

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:10 GMT", Date.parse("2026-01-01T00:00:00Z"))).toBe(10_000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});

describe("backoffDelay", () => {
  it("grows exponentially with jitter and is capped", () => {
    expect(backoffDelay(0, () => 0)).toBe(125);
    expect(backoffDelay(0, () => 1)).toBe(250);
    expect(backoffDelay(3, () => 1)).toBe(2000);
    expect(backoffDelay(50, () => 1)).toBe(10_000);
    expect(backoffDelay(50, () => 0)).toBe(5_000);
  });
});
