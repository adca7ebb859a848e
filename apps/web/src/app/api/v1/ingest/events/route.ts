import { ingestEvents as ingestEventsOp, MAX_INGEST_BATCH_BYTES } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { ingestEvents } from "@/server/services/ingest/ingest-events";

// POST /api/v1/ingest/events — a sidecar's batch of events: 200 all stored, 207 per-item results
export const POST = route(ingestEventsOp, { rateLimit: "ingest", maxBodyBytes: MAX_INGEST_BATCH_BYTES }, async ({ ctx, body }) => {
  const { allValid, result } = await ingestEvents(ctx, body);
  return Response.json(result, { status: allValid ? 200 : 207 });
});
