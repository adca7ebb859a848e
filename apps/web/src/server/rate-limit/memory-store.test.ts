import { describe, expect, it } from "vitest";
import { MemoryStore } from "./memory-store";

const window = 60_000;
const start = 1_000 * window; // the start of a window, so offsets read as "into the window"

describe("MemoryStore fixed window", () => {
  it("admits exactly the limit inside a window and again after it resets", () => {
    const store = new MemoryStore();
    const rule = { limit: 50, windowMs: window };
    const admitted = Array.from({ length: 200 }, (_, i) => store.limit("k", "fixed", rule, start + i)).filter((r) => r.success);
    expect(admitted).toHaveLength(50);
    const last = store.limit("k", "fixed", rule, start + 59_999);
    expect(last).toEqual({ success: false, limit: 50, remaining: 0, reset: start + window });
    expect(store.limit("k", "fixed", rule, start + window).success).toBe(true);
  });

  it("counts down remaining and keeps keys apart", () => {
    const store = new MemoryStore();
    const rule = { limit: 3, windowMs: window };
    expect(store.limit("a", "fixed", rule, start).remaining).toBe(2);
    expect(store.limit("a", "fixed", rule, start).remaining).toBe(1);
    expect(store.limit("b", "fixed", rule, start).remaining).toBe(2);
  });
});

describe("MemoryStore sliding window", () => {
  it("admits exactly the limit from a fresh key", () => {
    const store = new MemoryStore();
    const rule = { limit: 50, windowMs: window };
    const admitted = Array.from({ length: 200 }, () => store.limit("k", "sliding", rule, start + 10)).filter((r) => r.success);
    expect(admitted).toHaveLength(50);
  });

  it("weighs the previous window in, so a boundary burst cannot double the rate", () => {
    const store = new MemoryStore();
    const rule = { limit: 10, windowMs: window };
    for (let i = 0; i < 10; i++) expect(store.limit("k", "sliding", rule, start + 50_000).success).toBe(true);
    // 25% into the next window, 75% of the previous 10 still count: 7, so 3 more fit.
    const next = Array.from({ length: 10 }, () => store.limit("k", "sliding", rule, start + window + 15_000)).filter((r) => r.success);
    expect(next).toHaveLength(3);
    // Two windows later nothing carries over.
    const later = Array.from({ length: 20 }, () => store.limit("k", "sliding", rule, start + 3 * window)).filter((r) => r.success);
    expect(later).toHaveLength(10);
  });

  it("does not count refused requests against the caller", () => {
    const store = new MemoryStore();
    const rule = { limit: 2, windowMs: window };
    for (let i = 0; i < 10; i++) store.limit("k", "sliding", rule, start);
    // Had refusals counted, the carried-over weight would still exceed the limit here.
    expect(store.limit("k", "sliding", rule, start + window + 30_000).success).toBe(true);
  });
});

describe("MemoryStore bounds", () => {
  it("never holds more than maxKeys counters, dropping expired ones first", () => {
    const store = new MemoryStore(100);
    const rule = { limit: 5, windowMs: 1_000 };
    for (let i = 0; i < 100; i++) store.limit(`old${i}`, "fixed", rule, start);
    store.limit("live", "fixed", rule, start + 10_000);
    expect(store.size).toBe(1);
    for (let i = 0; i < 1_000; i++) store.limit(`k${i}`, "fixed", rule, start + 10_000);
    expect(store.size).toBeLessThanOrEqual(100);
  });
});
