import { listEvents as listEventsOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { listEvents } from "@/server/services/events/list-events";

// GET /api/v1/projects/{id}/events — captured events, oldest first, redacted
export const GET = route(listEventsOp, {}, ({ ctx, params, query }) => listEvents(ctx, params.id, query));
