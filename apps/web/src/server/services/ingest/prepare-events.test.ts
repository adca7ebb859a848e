import type * as Detect from "@bulwark/detect";
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

  it("lists the kind of every value its own redaction replaced, for the redaction metrics", async () => {
    const { redactJson: realRedactJson } = await vi.importActual<typeof Detect>("@bulwark/detect");
    redactJson.mockImplementationOnce(realRedactJson);
    redactJson.mockImplementationOnce(realRedactJson);
    const leaky = { ...event("a"), type: "egress.http", data: { method: "POST", scheme: "https", host: "api.openai.com", port: 443, bytesOut: 1, bytesIn: 1, durationMs: 1, tls: true, destinationClass: "llm_provider", hits: [], requestBodyExcerpt: "mail victim.person@example.com" } };
    const { prepared, redactedKinds } = prepareEvents([leaky, event("b")], () => true);
    expect(prepared).toHaveLength(2);
    expect(prepared[0]!.payload).not.toContain("victim.person@example.com");
    expect(redactedKinds).toEqual(["EMAIL"]);
  });
});
