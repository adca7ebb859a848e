import { estimateRun as estimateRunOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { estimateRun } from "@/server/services/runs/estimate-run";

// POST /api/v1/projects/{id}/runs/estimate — expected turns, calls, tokens, cost and duration, and the limits it meets
export const POST = route(estimateRunOp, {}, ({ ctx, params, body }) => estimateRun(ctx, params.id, body));
