import { killProjectRuns as killProjectRunsOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { killRuns } from "@/server/services/platform/kill-runs";

// POST /api/v1/admin/projects/{id}/kill — stop every queued or running run of a project (admin_kill)
export const POST = route(killProjectRunsOp, {}, ({ ctx, params }) => killRuns(ctx, { kind: "project", id: params.id }));
