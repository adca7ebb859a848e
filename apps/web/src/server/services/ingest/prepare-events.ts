import "server-only";
import { IngestEvent } from "@bulwark/contracts";
import { redactJson } from "@bulwark/detect";

/** An event that passed its schema and server-side redaction, ready to be attributed and stored. */
export interface PreparedEvent {
  index: number;
  clientEventId: string;
  type: IngestEvent["type"];
  /** Millisecond precision, as stored: a retry must find the same dedupe key. */
  ts: Date;
  runId: string | null;
  turnId: string | null;
  /** The stored payload (redacted JSON text) and its size. */
  payload: string;
  sizeBytes: number;
}

export interface Rejection {
  index: number;
  id: string | null;
  code: string;
  message: string;
}

function clientId(raw: unknown): string | null {
  if (typeof raw !== "object" || raw === null) return null;
  const id = (raw as { id?: unknown }).id;
  return typeof id === "string" ? id.slice(0, 128) : null;
}

/**
 * Validates each event against its type's schema and redacts it again (defence in depth: the
 * sidecar redacts too, but the server must not trust it). A redaction failure rejects the
 * item — its value is never stored raw. `redactedKinds` lists the kind of every value this
 * second pass replaced: what reached the server unredacted, which operators want to see.
 */
export function prepareEvents(
  raw: readonly unknown[],
  hasPartition: (ts: Date) => boolean,
): { prepared: PreparedEvent[]; rejected: Rejection[]; redactedKinds: string[] } {
  const prepared: PreparedEvent[] = [];
  const rejected: Rejection[] = [];
  const redactedKinds: string[] = [];
  raw.forEach((item, index) => {
    const parsed = IngestEvent.safeParse(item);
    if (!parsed.success) {
      const message = parsed.error.issues.map((i) => `${i.path.map(String).join(".") || "(event)"}: ${i.message}`).join("; ");
      rejected.push({ index, id: clientId(item), code: "validation_failed", message });
      return;
    }
    const event = parsed.data;
    const ts = new Date(event.ts);
    if (!hasPartition(ts)) {
      rejected.push({ index, id: event.id, code: "ts_out_of_range", message: "The event time is outside the days the platform accepts events for." });
      return;
    }
    const redacted = redactJson(event.data);
    if (redacted.failed) {
      rejected.push({ index, id: event.id, code: "redaction_failed", message: "The event could not be redacted and was not stored." });
      return;
    }
    for (const match of redacted.matches) redactedKinds.push(match.kind);
    const payload = JSON.stringify(redacted.value);
    prepared.push({
      index,
      clientEventId: event.id,
      type: event.type,
      ts,
      runId: event.runId ?? null,
      turnId: event.turnId ?? null,
      payload,
      sizeBytes: Buffer.byteLength(payload, "utf8"),
    });
  });
  return { prepared, rejected, redactedKinds };
}
