import { setTimeout as delay } from "node:timers/promises";

export interface RunLimiterOptions {
  maxConcurrency: number;
  requestsPerSecond: number;
  /** Injectable clock (ms) for tests. */
  now?: () => number;
}

/** Call `acquire` before each request to the target and the returned `release` when it is done. */
export interface RunLimiter {
  acquire(signal?: AbortSignal): Promise<() => void>;
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException("The operation was aborted", "AbortError");
}

/**
 * Per-run politeness towards a project's agent: at most `maxConcurrency` requests in flight
 * (a FIFO semaphore) and requests started no faster than `requestsPerSecond` (a token bucket
 * holding one token, so requests are spaced evenly rather than sent in bursts). Waiting on
 * either is abortable, and an aborted waiter gives back what it had taken.
 */
export function createRunLimiter({ maxConcurrency, requestsPerSecond, now = Date.now }: RunLimiterOptions): RunLimiter {
  if (!(maxConcurrency >= 1) || !(requestsPerSecond > 0)) throw new Error("maxConcurrency must be ≥ 1 and requestsPerSecond > 0");
  let active = 0;
  const waiting: (() => void)[] = [];
  let tokens = 1;
  let refilledAt = now();

  function takeSlot(signal?: AbortSignal): Promise<void> {
    if (active < maxConcurrency && waiting.length === 0) {
      active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      const onAbort = () => {
        waiting.splice(waiting.indexOf(grant), 1);
        reject(abortReason(signal as AbortSignal));
      };
      waiting.push(grant);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  function releaseSlot(): void {
    const next = waiting.shift();
    // Hand the slot straight to the next waiter, so a newcomer cannot overtake the queue.
    if (next) next();
    else active--;
  }

  /** Reserves the next token; the wait until it is due (0 when one is available). */
  function reserveToken(): number {
    const t = now();
    tokens = Math.min(1, tokens + ((t - refilledAt) / 1000) * requestsPerSecond);
    refilledAt = t;
    tokens -= 1;
    return tokens >= 0 ? 0 : Math.ceil((-tokens / requestsPerSecond) * 1000);
  }

  return {
    async acquire(signal) {
      if (signal?.aborted) throw abortReason(signal);
      await takeSlot(signal);
      const wait = reserveToken();
      if (wait > 0) {
        try {
          await delay(wait, undefined, { signal });
        } catch (error) {
          tokens += 1;
          releaseSlot();
          throw signal?.aborted ? abortReason(signal) : error;
        }
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        releaseSlot();
      };
    },
  };
}
