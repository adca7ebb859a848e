import { describe, expect, it } from "vitest";
import { createRunLimiter } from "./run-limiter";

describe("createRunLimiter", () => {
  it("never lets more than maxConcurrency through at once, in arrival order", async () => {
    const limiter = createRunLimiter({ maxConcurrency: 2, requestsPerSecond: 1000 });
    const order: number[] = [];
    let inFlight = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const release = await limiter.acquire();
        order.push(i);
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 20));
        inFlight--;
        release();
      }),
    );
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("spaces request starts by 1/requestsPerSecond", async () => {
    const limiter = createRunLimiter({ maxConcurrency: 16, requestsPerSecond: 20 });
    const started = Date.now();
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) {
      const release = await limiter.acquire();
      starts.push(Date.now() - started);
      release();
    }
    expect(starts[0]).toBeLessThan(20);
    // Four gaps of 50 ms each (timers may fire a millisecond early).
    expect(starts[4]).toBeGreaterThanOrEqual(195);
    expect(starts[4]).toBeLessThan(400);
  });

  it("aborts a wait for a slot without taking it", async () => {
    const limiter = createRunLimiter({ maxConcurrency: 1, requestsPerSecond: 1000 });
    const release = await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error("run canceled"));
    await expect(waiting).rejects.toThrow("run canceled");
    release();
    // The slot went back to the pool, not to the aborted waiter.
    const again = await limiter.acquire(AbortSignal.timeout(500));
    again();
  });

  it("aborts a wait for a token, refunding it and giving the slot back", async () => {
    let clock = 0;
    const limiter = createRunLimiter({ maxConcurrency: 1, requestsPerSecond: 0.1, now: () => clock });
    (await limiter.acquire())();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal); // next token is due in 10 s
    setTimeout(() => controller.abort(), 20);
    await expect(waiting).rejects.toThrow();
    // 10 s later exactly one token has accrued; it is only available if the aborted wait refunded
    // its reservation, and the slot only if the aborted wait released it.
    clock += 10_000;
    const release = await limiter.acquire(AbortSignal.timeout(200));
    release();
  });

  it("rejects at once when the signal is already aborted", async () => {
    const limiter = createRunLimiter({ maxConcurrency: 1, requestsPerSecond: 1 });
    await expect(limiter.acquire(AbortSignal.abort())).rejects.toThrow();
  });

  it("releases only once even if release is called twice", async () => {
    const limiter = createRunLimiter({ maxConcurrency: 1, requestsPerSecond: 1000 });
    const release = await limiter.acquire();
    release();
    release();
    const a = await limiter.acquire();
    let secondGranted = false;
    const b = limiter.acquire().then((r) => ((secondGranted = true), r));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(secondGranted).toBe(false);
    a();
    (await b)();
  });
});
