import { z } from "zod";
import { defineOperation } from "../operation";
import { Page, PageQuery } from "../pagination";
import { Role } from "../scopes";
import { EXAMPLE_IDS, EXAMPLE_ORGANIZATION, EXAMPLE_OWNER } from "./examples";
import { Organization } from "./organizations";

export const Invitation = z
  .object({
    id: z.string(),
    /** Lower-case, as stored. */
    email: z.string(),
    role: Role,
    invitedBy: z.object({ id: z.string(), email: z.string() }).nullable(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: "Invitation" });
export type Invitation = z.infer<typeof Invitation>;

export const CreatedInvitation = Invitation.extend({
  /** The single-use secret. Shown exactly once: only its SHA-256 is stored. */
  token: z.string(),
  /** The link for the invitee, carrying the token. */
  acceptUrl: z.string(),
}).meta({ id: "CreatedInvitation" });
export type CreatedInvitation = z.infer<typeof CreatedInvitation>;

export const CreateInvitationInput = z
  .strictObject({
    email: z.email().max(254).transform((email) => email.toLowerCase()),
    role: Role,
  })
  .meta({ id: "CreateInvitationInput" });
export type CreateInvitationInput = z.infer<typeof CreateInvitationInput>;

export const AcceptInvitationInput = z
  .strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "must be an invitation token") })
  .meta({ id: "AcceptInvitationInput" });
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationInput>;

export const AcceptedInvitation = z
  .object({ membershipId: z.string(), organization: Organization })
  .meta({ id: "AcceptedInvitation" });
export type AcceptedInvitation = z.infer<typeof AcceptedInvitation>;

const EXAMPLE_INVITATION = {
  id: EXAMPLE_IDS.invitation,
  email: "dana@example.com",
  role: "member" as const,
  invitedBy: EXAMPLE_OWNER,
  createdAt: "2026-03-02T09:30:00.000Z",
  expiresAt: "2026-03-09T09:30:00.000Z",
};
const EXAMPLE_INVITATION_TOKEN = "gB8maC5LksdXnOQ569G6PWiG9SVpKp9l4SiX4yEa87k";

const InvitationParams = z.object({ id: z.string().regex(/^inv_[0-9a-z]{26}$/).describe("Invitation id (`inv_…`).") });

export const createInvitation = defineOperation({
  id: "createInvitation",
  method: "POST",
  path: "/api/v1/invitations",
  tag: "Invitations",
  summary: "Invite someone by email",
  description:
    "Expires in 7 days and is accepted once. Inviting an address that has a pending invitation revokes the older one. Nobody invites with a role above their own. The token is in this response only.",
  auth: "principal",
  scope: "members:manage",
  body: CreateInvitationInput,
  exampleBody: { email: "dana@example.com", role: "member" },
  errors: [409],
  success: { status: 201, description: "The invitation, with its token and link.", schema: CreatedInvitation },
  exampleResponse: {
    ...EXAMPLE_INVITATION,
    token: EXAMPLE_INVITATION_TOKEN,
    acceptUrl: `https://bulwark.example.com/invitations/accept?token=${EXAMPLE_INVITATION_TOKEN}`,
  },
});

export const listInvitations = defineOperation({
  id: "listInvitations",
  method: "GET",
  path: "/api/v1/invitations",
  tag: "Invitations",
  summary: "List pending invitations",
  description: "Neither accepted, revoked nor expired; oldest first. Tokens are never shown again.",
  auth: "principal",
  scope: "members:manage",
  query: PageQuery,
  success: { status: 200, description: "A page of pending invitations.", schema: Page(Invitation) },
  exampleResponse: { data: [EXAMPLE_INVITATION], nextCursor: null },
});

export const revokeInvitation = defineOperation({
  id: "revokeInvitation",
  method: "DELETE",
  path: "/api/v1/invitations/{id}",
  tag: "Invitations",
  summary: "Revoke an invitation",
  description: "Its link stops working at once. Revoking a revoked invitation changes nothing; an accepted one cannot be revoked (409).",
  auth: "principal",
  scope: "members:manage",
  params: InvitationParams,
  exampleParams: { id: EXAMPLE_IDS.invitation },
  errors: [409],
  success: { status: 204, description: "Revoked." },
});

export const acceptInvitation = defineOperation({
  id: "acceptInvitation",
  method: "POST",
  path: "/api/v1/invitations/accept",
  tag: "Invitations",
  summary: "Accept an invitation",
  description:
    "For the signed-in user whose email the invitation was sent to; works for a user with no organization yet. Single-use: a used, revoked or expired invitation answers 410.",
  auth: "user",
  body: AcceptInvitationInput,
  exampleBody: { token: "q3Vd1cXk0bH7bq1o1Xm0pF6Jc7s7yP0p2m9Jx3kqQeA" },
  errors: [409, 410],
  success: { status: 201, description: "The new membership's organization.", schema: AcceptedInvitation },
  exampleResponse: { membershipId: EXAMPLE_IDS.memberMembership, organization: { ...EXAMPLE_ORGANIZATION, role: "member" } },
});
