import { killRun as killRunOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { killRuns } from "@/server/services/platform/kill-runs";

// POST /api/v1/admin/runs/{id}/kill — stop a run now (admin_kill), whichever organization owns it
export const POST = route(killRunOp, {}, ({ ctx, params }) => killRuns(ctx, { kind: "run", id: params.id }));
