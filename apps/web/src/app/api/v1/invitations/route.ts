import { createInvitation as createInvitationOp, listInvitations as listInvitationsOp } from "@bulwark/contracts";
import { env } from "@/env";
import { route } from "@/server/http/route";
import { createInvitation } from "@/server/services/invitations/create-invitation";
import { listInvitations } from "@/server/services/invitations/list-invitations";

// The configured public URL, not the Host header, when there is one: the link goes to someone else.
const appOrigin = (req: Request) => new URL(env.AUTH_URL ?? req.url).origin;

// POST /api/v1/invitations — invite an email address; the link is in this response only
export const POST = route(createInvitationOp, {}, ({ req, ctx, body }) => createInvitation(ctx, body, { appOrigin: appOrigin(req) }));

// GET /api/v1/invitations — pending invitations, without their tokens
export const GET = route(listInvitationsOp, {}, ({ ctx, query }) => listInvitations(ctx, query));
