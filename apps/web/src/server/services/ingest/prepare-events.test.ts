import { describe, expect, it, vi } from "vitest";

const redactJson = vi.hoisted(() => vi.fn());
vi.mock("@bulwark/detect", () => ({ redactJson }));

const { prepareEvents } = await import("./prepare-events");

const event = (id: string) => ({ id, type: "sidecar.dropped", ts: "2026-01-01T00:00:00.123456Z", data: { count: 1 } });

describe("prepareEvents", () => {
  it("rejects an item whose redaction failed and never keeps its raw value", () => {
    redactJson.mockReturnValueOnce({ value: "[REDACTION_FAILED]", matches: [], truncated: false, omittedMatches: 0, failed: true });
    redactJson.mockReturnValueOnce({ value: { count: 1 }, matches: [], truncated: false, omittedMatches: 0, failed: false });
    const { prepared, rejected } = prepareEvents([event("a"), event("b")], () => true);
    expect(rejected).toEqual([{ index: 0, id: "a", code: "redaction_failed", message: expect.any(String) }]);
    expect(prepared.map((p) => p.clientEventId)).toEqual(["b"]);
  });

  it("keeps millisecond precision so a retry finds the same dedupe key, and sizes the stored payload", () => {
    redactJson.mockReturnValueOnce({ value: { count: 1 }, matches: [], truncated: false, omittedMatches: 0, failed: false });
    const [only] = prepareEvents([event("a")], () => true).prepared;
    expect(only!.ts.toISOString()).toBe("2026-01-01T00:00:00.123Z");
    expect(only!.sizeBytes).toBe(Buffer.byteLength(only!.payload));
  });
});
