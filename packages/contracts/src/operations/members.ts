import { z } from "zod";
import { defineOperation } from "../operation";
import { Page, PageQuery } from "../pagination";
import { Role } from "../scopes";
import { EXAMPLE_IDS, EXAMPLE_OWNER } from "./examples";

export const Member = z
  .object({
    /** The membership id (`mem_…`): a person in two organizations has two. */
    id: z.string(),
    user: z.object({ id: z.string(), email: z.string(), name: z.string().nullable() }),
    role: Role,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Member" });
export type Member = z.infer<typeof Member>;

export const UpdateMemberInput = z.strictObject({ role: Role }).meta({ id: "UpdateMemberInput" });
export type UpdateMemberInput = z.infer<typeof UpdateMemberInput>;

const EXAMPLE_MEMBER = {
  id: EXAMPLE_IDS.memberMembership,
  user: { id: EXAMPLE_IDS.member, email: "dana@example.com", name: "Dana Scully" },
  role: "member" as const,
  createdAt: "2026-03-02T09:21:00.000Z",
  updatedAt: "2026-03-02T09:21:00.000Z",
};

const MemberParams = z.object({ id: z.string().regex(/^mem_[0-9a-z]{26}$/).describe("Membership id (`mem_…`).") });

export const listMembers = defineOperation({
  id: "listMembers",
  method: "GET",
  path: "/api/v1/members",
  tag: "Members",
  summary: "List the organization's members",
  description: "Oldest membership first, cursor-paginated.",
  auth: "principal",
  scope: "members:read",
  query: PageQuery,
  success: { status: 200, description: "A page of members.", schema: Page(Member) },
  exampleResponse: {
    data: [
      {
        id: EXAMPLE_IDS.ownerMembership,
        user: { ...EXAMPLE_OWNER, name: "Ada Lovelace" },
        role: "owner",
        createdAt: "2026-03-02T09:01:00.000Z",
        updatedAt: "2026-03-02T09:01:00.000Z",
      },
      EXAMPLE_MEMBER,
    ],
    nextCursor: null,
  },
});

export const updateMember = defineOperation({
  id: "updateMember",
  method: "PATCH",
  path: "/api/v1/members/{id}",
  tag: "Members",
  summary: "Change a member's role",
  description:
    "Nobody grants or takes away more authority than they hold: only an owner makes or unmakes owners, and nobody raises their own role. The last owner cannot be demoted (409).",
  auth: "principal",
  scope: "members:manage",
  params: MemberParams,
  exampleParams: { id: EXAMPLE_IDS.memberMembership },
  body: UpdateMemberInput,
  exampleBody: { role: "admin" },
  errors: [409],
  success: { status: 200, description: "The member with the new role.", schema: Member },
  exampleResponse: { ...EXAMPLE_MEMBER, role: "admin", updatedAt: "2026-03-05T08:44:12.310Z" },
});

export const removeMember = defineOperation({
  id: "removeMember",
  method: "DELETE",
  path: "/api/v1/members/{id}",
  tag: "Members",
  summary: "Remove a member",
  description:
    "Ends the membership and revokes the API keys the member created in this organization. Only an owner removes an owner; the last owner cannot be removed (409).",
  auth: "principal",
  scope: "members:manage",
  params: MemberParams,
  exampleParams: { id: EXAMPLE_IDS.memberMembership },
  errors: [409],
  success: { status: 204, description: "Removed." },
});
