import { removeMember as removeMemberOp, updateMember as updateMemberOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { removeMember } from "@/server/services/members/remove-member";
import { updateMemberRole } from "@/server/services/members/update-member-role";

// PATCH /api/v1/members/{id} — change a member's role
export const PATCH = route(updateMemberOp, {}, ({ ctx, params, body }) => updateMemberRole(ctx, params.id, body));

// DELETE /api/v1/members/{id} — remove a member (or yourself) and revoke their API keys here
export const DELETE = route(removeMemberOp, {}, async ({ ctx, params }) => {
  await removeMember(ctx, params.id);
  return new Response(null, { status: 204 });
});
