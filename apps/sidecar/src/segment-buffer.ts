import fs from "node:fs";
import path from "node:path";

/** Events per segment: one segment is shipped as one batch. */
export const SEGMENT_MAX_EVENTS = 200;
/** Bytes per segment, well under the ingest API's 1 MiB batch limit. */
export const SEGMENT_MAX_BYTES = 512 * 1024;

interface Segment {
  seq: number;
  file: string;
  events: number;
  bytes: number;
}

export interface BufferOptions {
  dir: string;
  maxBytes: number;
  /** Called when segments were dropped to stay under `maxBytes`; its event is appended after. */
  onDropped?: (count: number) => unknown;
}

const NAME = /^seg-(\d{12})\.ndjson$/;

/**
 * A durable FIFO of events: append-only NDJSON segment files. The newest segment takes appends;
 * `seal()` closes it so the shipper can send it; a sealed segment is deleted only when the
 * platform acknowledged every line. Survives restarts: the files are the state.
 */
export class SegmentBuffer {
  private readonly segments: Segment[] = [];
  private nextSeq = 1;

  constructor(private readonly options: BufferOptions) {
    fs.mkdirSync(options.dir, { recursive: true });
    const names = fs.readdirSync(options.dir).filter((name) => NAME.test(name)).sort();
    for (const name of names) {
      const file = path.join(options.dir, name);
      const text = fs.readFileSync(file, "utf8");
      const seq = Number(NAME.exec(name)?.[1]);
      this.segments.push({ seq, file, events: text.split("\n").filter(Boolean).length, bytes: Buffer.byteLength(text) });
      this.nextSeq = seq + 1;
    }
    // A segment left open by the previous process is sealed: appends go to a fresh file.
  }

  get totalBytes(): number {
    return this.segments.reduce((sum, segment) => sum + segment.bytes, 0);
  }

  get pendingEvents(): number {
    return this.segments.reduce((sum, segment) => sum + segment.events, 0);
  }

  private open: Segment | undefined;

  /** Appends synchronously (the event is on disk when this returns). */
  append(event: object): void {
    const line = `${JSON.stringify(event)}\n`;
    const bytes = Buffer.byteLength(line);
    let segment = this.open;
    if (!segment || segment.events >= SEGMENT_MAX_EVENTS || segment.bytes + bytes > SEGMENT_MAX_BYTES) {
      segment = { seq: this.nextSeq++, file: "", events: 0, bytes: 0 };
      segment.file = path.join(this.options.dir, `seg-${String(segment.seq).padStart(12, "0")}.ndjson`);
      this.segments.push(segment);
      this.open = segment;
    }
    fs.appendFileSync(segment.file, line);
    segment.events += 1;
    segment.bytes += bytes;
    this.enforceBound();
  }

  /** True when the open segment is full enough to ship now. */
  get openIsFull(): boolean {
    return (this.open?.events ?? 0) >= SEGMENT_MAX_EVENTS;
  }

  /** Drops the oldest segments until the total fits, then records how many events went. */
  private enforceBound(): void {
    let dropped = 0;
    while (this.totalBytes > this.options.maxBytes && this.segments.length > 1) {
      const oldest = this.segments.shift();
      if (!oldest) break;
      dropped += oldest.events;
      fs.rmSync(oldest.file, { force: true });
    }
    if (dropped > 0) this.options.onDropped?.(dropped);
  }

  /**
   * The oldest segment's events, sealing it first if it is the open one. A torn last line (the
   * process died mid-write) is skipped.
   */
  oldest(): { seq: number; events: unknown[] } | undefined {
    const segment = this.segments[0];
    if (!segment) return undefined;
    if (segment === this.open) this.open = undefined;
    let text = "";
    try {
      text = fs.readFileSync(segment.file, "utf8");
    } catch {
      this.segments.shift();
      return this.oldest();
    }
    const events: unknown[] = [];
    for (const line of text.split("\n")) {
      if (!line) continue;
      try {
        events.push(JSON.parse(line));
      } catch {
        // torn write
      }
    }
    return { seq: segment.seq, events };
  }

  /** Forgets a segment the platform acknowledged in full (no-op if the bound already dropped it). */
  ack(seq: number): void {
    const index = this.segments.findIndex((segment) => segment.seq === seq);
    if (index === -1) return;
    const [segment] = this.segments.splice(index, 1);
    if (segment === this.open) this.open = undefined;
    if (segment) fs.rmSync(segment.file, { force: true });
  }
}
