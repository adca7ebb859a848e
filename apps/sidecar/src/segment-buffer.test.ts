import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SEGMENT_MAX_EVENTS, SegmentBuffer } from "./segment-buffer";

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bw-sidecar-buf-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("SegmentBuffer", () => {
  it("appends to NDJSON segments, rotates at the event cap, and deletes only on ack", () => {
    const dir = tempDir();
    const buffer = new SegmentBuffer({ dir, maxBytes: 10 * 1024 * 1024 });
    for (let i = 0; i < SEGMENT_MAX_EVENTS + 5; i++) buffer.append({ id: `e${i}` });
    expect(fs.readdirSync(dir).sort()).toEqual(["seg-000000000001.ndjson", "seg-000000000002.ndjson"]);
    expect(buffer.pendingEvents).toBe(SEGMENT_MAX_EVENTS + 5);

    const first = buffer.oldest();
    expect(first?.events).toHaveLength(SEGMENT_MAX_EVENTS);
    expect(first?.events[0]).toEqual({ id: "e0" });
    // not acknowledged: still there, still first
    expect(buffer.oldest()?.seq).toBe(first?.seq);
    buffer.ack(first!.seq);
    expect(fs.readdirSync(dir)).toEqual(["seg-000000000002.ndjson"]);

    // shipping the open segment seals it: the next append starts a new file
    const second = buffer.oldest();
    expect(second?.events).toHaveLength(5);
    buffer.append({ id: "late" });
    buffer.ack(second!.seq);
    expect(buffer.oldest()?.events).toEqual([{ id: "late" }]);
  });

  it("resumes from the files after a restart and skips a torn last line", () => {
    const dir = tempDir();
    const before = new SegmentBuffer({ dir, maxBytes: 10 * 1024 * 1024 });
    before.append({ id: "a" });
    before.append({ id: "b" });
    fs.appendFileSync(path.join(dir, "seg-000000000001.ndjson"), '{"id":"tor');
    const after = new SegmentBuffer({ dir, maxBytes: 10 * 1024 * 1024 });
    after.append({ id: "c" });
    expect(after.oldest()?.events).toEqual([{ id: "a" }, { id: "b" }]);
    after.ack(1);
    expect(after.oldest()?.events).toEqual([{ id: "c" }]);
  });

  it("drops the oldest segments beyond the bound and reports the count", () => {
    const dir = tempDir();
    const drops: number[] = [];
    const buffer: SegmentBuffer = new SegmentBuffer({
      dir,
      maxBytes: 1024 * 1024,
      onDropped: (count) => {
        drops.push(count);
        buffer.append({ type: "sidecar.dropped", count });
      },
    });
    const filler = "x".repeat(10 * 1024);
    for (let i = 0; i < 150; i++) buffer.append({ id: `e${i}`, filler });
    expect(buffer.totalBytes).toBeLessThanOrEqual(1024 * 1024 + 200);
    const total = drops.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    // every event is either still buffered or counted as dropped
    const buffered: unknown[] = [];
    for (let segment = buffer.oldest(); segment; segment = buffer.oldest()) {
      buffered.push(...segment.events);
      buffer.ack(segment.seq);
    }
    const kept = buffered.filter((event) => (event as { id?: string }).id !== undefined);
    expect(kept.length + total).toBe(150);
    expect(buffered.some((event) => (event as { type?: string }).type === "sidecar.dropped")).toBe(true);
    // the oldest went first
    expect((kept[0] as { id: string }).id).not.toBe("e0");
  });
});
