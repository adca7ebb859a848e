import { createRun as createRunOp, listRuns as listRunsOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { createRun } from "@/server/services/runs/create-run";
import { listRuns } from "@/server/services/runs/list-runs";

// POST /api/v1/projects/{id}/runs — resolve the scenarios into a plan and queue the run (202)
export const POST = route(createRunOp, {}, ({ ctx, params, body }) => createRun(ctx, params.id, body));

// GET /api/v1/projects/{id}/runs — the project's runs, newest first
export const GET = route(listRunsOp, {}, ({ ctx, params, query }) => listRuns(ctx, params.id, query));
