import { listRunAborts as listRunAbortsOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { listRunAborts } from "@/server/services/runs/list-run-aborts";

// GET /api/v1/runs/{id}/aborts — the run-abort log: who or which cap stopped the run, and why
export const GET = route(listRunAbortsOp, {}, ({ ctx, params }) => listRunAborts(ctx, params.id));
