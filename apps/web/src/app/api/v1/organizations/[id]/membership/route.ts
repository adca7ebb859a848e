import { leaveOrganization as leaveOrganizationOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { leaveOrganization } from "@/server/services/organizations/leave-organization";

// DELETE /api/v1/organizations/{id}/membership — the signed-in user leaves that organization
export const DELETE = route(leaveOrganizationOp, {}, async ({ ctx, params }) => {
  await leaveOrganization(ctx, params.id);
  return new Response(null, { status: 204 });
});
