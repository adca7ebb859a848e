import { acceptInvitation as acceptInvitationOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { acceptInvitation } from "@/server/services/invitations/accept-invitation";

// POST /api/v1/invitations/accept — the signed-in user joins the organization they were invited to
export const POST = route(acceptInvitationOp, { rateLimit: "auth.token" }, ({ ctx, body }) => acceptInvitation(ctx, body));
