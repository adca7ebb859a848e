import type { IngestResult } from "@bulwark/contracts";
import { backoffDelay } from "./backoff";
import { PlatformError, type PlatformClient } from "./platform-client";
import type { SegmentBuffer } from "./segment-buffer";

export const SHIP_INTERVAL_MS = 1000;
/** A batch the platform refuses as a whole this way will never be accepted: retrying is pointless. */
const POISON_STATUSES = new Set([400, 413, 422]);
const MAX_RETRY_AFTER_MS = 5 * 60_000;

export interface ShipperLog {
  warn(message: string): void;
}

/** Every item got a final answer (stored, duplicate or rejected): the segment may go. */
function acknowledgesAll(result: IngestResult, count: number): boolean {
  const answered = new Set(result.results.map((item) => item.index));
  for (let i = 0; i < count; i++) if (!answered.has(i)) return false;
  return true;
}

/**
 * Sends the buffer's oldest segment as one batch, every second or as soon as a segment fills,
 * one batch at a time (so order is kept and a retry resends the very same events).
 */
export class Shipper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private attempt = 0;
  private notBefore = 0;
  private stopped = false;
  delivered = 0;

  constructor(
    private readonly buffer: SegmentBuffer,
    private readonly client: PlatformClient,
    private readonly log: ShipperLog,
    private readonly sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  ) {}

  start(): void {
    this.timer = setInterval(() => this.kick(), SHIP_INTERVAL_MS);
    this.timer.unref();
  }

  /** Ships now unless a send is in flight or a backoff is pending. */
  kick(): void {
    if (this.running || this.stopped || Date.now() < this.notBefore) return;
    this.running = this.drain().finally(() => {
      this.running = undefined;
    });
  }

  private async drain(): Promise<void> {
    for (let batch = this.buffer.oldest(); batch; batch = this.buffer.oldest()) {
      if (batch.events.length === 0) {
        this.buffer.ack(batch.seq);
        continue;
      }
      try {
        const result = await this.client.sendEvents(batch.events);
        this.attempt = 0;
        if (result.rejected > 0) {
          const reasons = result.results.filter((item) => item.status === "rejected").map((item) => `${item.id}: ${item.error?.message}`);
          this.log.warn(`platform rejected ${result.rejected} event(s): ${reasons.slice(0, 5).join("; ")}`);
        }
        if (!acknowledgesAll(result, batch.events.length)) throw new PlatformError("platform did not answer for every event", 200);
        this.delivered += batch.events.length;
        this.buffer.ack(batch.seq);
      } catch (error) {
        const status = error instanceof PlatformError ? error.status : undefined;
        if (status !== undefined && POISON_STATUSES.has(status)) {
          this.log.warn(`dropping a batch of ${batch.events.length} the platform will never accept: ${(error as Error).message}`);
          this.buffer.ack(batch.seq);
          continue;
        }
        const retryAfter = error instanceof PlatformError ? error.retryAfterMs : undefined;
        const delay = retryAfter !== undefined ? Math.min(retryAfter, MAX_RETRY_AFTER_MS) : backoffDelay(this.attempt);
        this.attempt += 1;
        this.notBefore = Date.now() + delay;
        this.log.warn(`shipping failed (${(error as Error).message}); retrying in ${delay} ms`);
        await this.sleep(delay);
        if (this.stopped) return;
      }
    }
  }

  /** Stops the timer and ships what is buffered, for at most `timeoutMs`; true when empty. */
  async flush(timeoutMs: number): Promise<boolean> {
    if (this.timer) clearInterval(this.timer);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && this.buffer.pendingEvents > 0) {
      this.notBefore = 0;
      this.kick();
      await Promise.race([this.running, this.sleep(Math.max(0, deadline - Date.now()))]);
    }
    this.stopped = true;
    return this.buffer.pendingEvents === 0;
  }
}
