import { compareRuns as compareRunsOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { compareRuns } from "@/server/services/reports/compare-runs";

// GET /api/v1/runs/{id}/compare — what changed since a base run of the same project
export const GET = route(compareRunsOp, {}, ({ ctx, params, query }) => compareRuns(ctx, params.id, query.base));
