import { listRunFindings as listRunFindingsOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { listRunFindings } from "@/server/services/findings/list-run-findings";

// GET /api/v1/runs/{id}/findings — every finding of a run, highest risk first
export const GET = route(listRunFindingsOp, {}, ({ ctx, params }) => listRunFindings(ctx, params.id));
