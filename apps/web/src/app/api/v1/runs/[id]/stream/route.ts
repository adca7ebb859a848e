import { streamRun as streamRunOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { streamRun } from "@/server/services/runs/stream-run";

// GET /api/v1/runs/{id}/stream — the run live as Server-Sent Events, resumable with Last-Event-ID
export const GET = route(streamRunOp, {}, async ({ req, ctx, params, query }) => {
  const stream = await streamRun(ctx, params.id, { lastEventId: req.headers.get("last-event-id"), capturedAfter: query.capturedAfter, signal: req.signal });
  return new Response(stream, {
    status: 200,
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      // Reverse proxies (nginx) must pass events through as they come.
      "X-Accel-Buffering": "no",
    },
  });
});
