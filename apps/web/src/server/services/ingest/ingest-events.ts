import "server-only";
import { AppError, type IngestBatch, type IngestItemResult, type IngestResult, MAX_INGEST_BATCH_EVENTS } from "@bulwark/contracts";
import type { SidecarPrincipal } from "@/server/auth/authenticate-sidecar";
import { recordIngest, recordQuotaDenial, recordRedactions } from "@/server/metrics/record";
import { attributeRuns } from "./attribute-runs";
import { partitionCheck } from "./partition-days";
import { prepareEvents, type Rejection } from "./prepare-events";
import type { Stored } from "./store-events";
import { storeWithinQuota } from "./store-within-quota";

/**
 * Validates, redacts, attributes and stores one batch for the principal's project. Returns a
 * result per item in batch order; `allValid` is false when any item was rejected (HTTP 207).
 */
export async function ingestEvents(principal: Pick<SidecarPrincipal, "orgId" | "projectId">, batch: IngestBatch): Promise<{ allValid: boolean; result: IngestResult }> {
  if (batch.events.length > MAX_INGEST_BATCH_EVENTS) {
    throw new AppError("payload_too_large", `A batch holds at most ${MAX_INGEST_BATCH_EVENTS} events; split it.`, {
      details: { limitEvents: MAX_INGEST_BATCH_EVENTS, events: batch.events.length },
    });
  }
  const scope = { orgId: principal.orgId, projectId: principal.projectId };
  const prepared = prepareEvents(batch.events, await partitionCheck());
  recordRedactions(prepared.redactedKinds);
  const attributed = await attributeRuns(scope, prepared.prepared);
  const stored = await storeWithinQuota(scope, attributed.attributed);

  const rejections = [...prepared.rejected, ...attributed.rejected, ...stored.rejected];
  const results: IngestItemResult[] = [];
  for (const r of rejections) {
    results.push({ index: r.index, id: r.id, status: "rejected", error: { code: r.code, message: r.message } });
  }
  for (const s of stored.stored) {
    results.push({ index: s.event.index, id: s.event.clientEventId, status: s.status, runId: s.event.runId, seq: s.seq });
  }
  results.sort((a, b) => a.index - b.index);
  const count = (status: IngestItemResult["status"]) => results.filter((r) => r.status === status).length;
  const rejected = count("rejected");
  recordBatchMetrics(rejections, stored.stored);
  return { allValid: rejected === 0, result: { stored: count("stored"), duplicates: count("duplicate"), rejected, results } };
}

function recordBatchMetrics(rejections: Rejection[], stored: Stored[]): void {
  const codes = rejections.map((r) => r.code);
  const written = stored.filter((s) => s.status === "stored");
  recordIngest({
    stored: written.length,
    duplicates: stored.length - written.length,
    storedBytes: written.reduce((sum, s) => sum + s.event.sizeBytes, 0),
    rejectedCodes: codes,
  });
  // Items over a quota are refused one by one inside an accepted batch, not with a 429.
  recordQuotaDenial("stored_bytes", codes.filter((code) => code === "quota_exceeded").length);
  recordQuotaDenial("events_per_run", codes.filter((code) => code === "run_event_cap").length);
}
