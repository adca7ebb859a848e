import { describe, expect, it } from "vitest";
import { MAX_RETRY_WAIT_MS, parseRetryAfter, retryDelay } from "./retry-delay";

describe("parseRetryAfter", () => {
  const now = Date.parse("2030-01-01T00:00:00Z");

  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("2", now)).toBe(2_000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("Tue, 01 Jan 2030 00:00:05 GMT", now)).toBe(5_000);
    expect(parseRetryAfter("Mon, 31 Dec 2029 23:59:00 GMT", now)).toBe(0);
  });

  it("ignores what it cannot read", () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter("", now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("-5", now)).toBeUndefined();
  });
});

describe("retryDelay", () => {
  it("honours Retry-After up to the cap", () => {
    expect(retryDelay(1, "3")).toBe(3_000);
    expect(retryDelay(1, "3600")).toBe(MAX_RETRY_WAIT_MS);
  });

  it("backs off exponentially with jitter when there is no Retry-After", () => {
    expect(retryDelay(1, undefined, () => 0)).toBe(250);
    expect(retryDelay(1, undefined, () => 1)).toBe(500);
    expect(retryDelay(3, undefined, () => 0)).toBe(1_000);
    expect(retryDelay(3, undefined, () => 1)).toBe(2_000);
    expect(retryDelay(20, undefined, () => 1)).toBe(8_000);
  });
});
