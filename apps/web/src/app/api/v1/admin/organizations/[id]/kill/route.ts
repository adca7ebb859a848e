import { killOrganizationRuns as killOrganizationRunsOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { killRuns } from "@/server/services/platform/kill-runs";

// POST /api/v1/admin/organizations/{id}/kill — stop every queued or running run of an organization (admin_kill)
export const POST = route(killOrganizationRunsOp, {}, ({ ctx, params }) => killRuns(ctx, { kind: "organization", id: params.id }));
