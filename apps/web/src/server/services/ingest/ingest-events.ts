import "server-only";
import { AppError, type IngestBatch, type IngestItemResult, type IngestResult, MAX_INGEST_BATCH_EVENTS } from "@bulwark/contracts";
import type { SidecarPrincipal } from "@/server/auth/authenticate-sidecar";
import { attributeRuns } from "./attribute-runs";
import { notifyRunEvents } from "./notify-run-events";
import { partitionCheck } from "./partition-days";
import { prepareEvents } from "./prepare-events";
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
  const attributed = await attributeRuns(scope, prepared.prepared);
  const stored = await storeWithinQuota(scope, attributed.attributed);
  await notifyRunEvents([...new Set(stored.stored.flatMap((s) => (s.status === "stored" && s.event.runId ? [s.event.runId] : [])))]);

  const results: IngestItemResult[] = [];
  for (const r of [...prepared.rejected, ...attributed.rejected, ...stored.rejected]) {
    results.push({ index: r.index, id: r.id, status: "rejected", error: { code: r.code, message: r.message } });
  }
  for (const s of stored.stored) {
    results.push({ index: s.event.index, id: s.event.clientEventId, status: s.status, runId: s.event.runId, seq: s.seq });
  }
  results.sort((a, b) => a.index - b.index);
  const count = (status: IngestItemResult["status"]) => results.filter((r) => r.status === status).length;
  const rejected = count("rejected");
  return { allValid: rejected === 0, result: { stored: count("stored"), duplicates: count("duplicate"), rejected, results } };
}
