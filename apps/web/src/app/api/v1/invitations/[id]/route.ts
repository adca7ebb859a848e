import { revokeInvitation as revokeInvitationOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { revokeInvitation } from "@/server/services/invitations/revoke-invitation";

// DELETE /api/v1/invitations/{id} — revoke an invitation; its link stops working at once
export const DELETE = route(revokeInvitationOp, {}, async ({ ctx, params }) => {
  await revokeInvitation(ctx, params.id);
  return new Response(null, { status: 204 });
});
