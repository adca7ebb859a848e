import type { CapturedEvent } from "@bulwark/contracts";
import type { Event } from "@bulwark/db";

/** One stored event as the API shows it: the list endpoint and the run stream send the same shape. */
export function toCapturedEventDto(e: Event): CapturedEvent {
  return {
    id: e.id.toString(),
    clientEventId: e.clientEventId,
    type: e.type,
    ts: e.ts.toISOString(),
    runId: e.runId,
    turnId: e.turnId,
    seq: e.seq === null ? null : Number(e.seq),
    data: e.payload,
    sizeBytes: e.sizeBytes,
    createdAt: e.createdAt.toISOString(),
  };
}
