import { cancelRun as cancelRunOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { cancelRun } from "@/server/services/runs/cancel-run";

// POST /api/v1/runs/{id}/cancel — stop a run within a second, keeping its results so far
export const POST = route(cancelRunOp, {}, ({ ctx, params }) => cancelRun(ctx, params.id));
