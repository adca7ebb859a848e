import { z } from "zod";
import { defineOperation } from "../operation";
import { Page, PageQuery } from "../pagination";
import { Role } from "../scopes";
import { EXAMPLE_IDS, EXAMPLE_ORGANIZATION } from "./examples";

export const OrganizationTier = z.enum(["free", "alpha", "team", "enterprise"]);
export type OrganizationTier = z.infer<typeof OrganizationTier>;

export const Organization = z
  .object({
    id: z.string(),
    name: z.string(),
    /** Unique across the installation, generated from the name at creation; renaming keeps it. */
    slug: z.string(),
    tier: OrganizationTier,
    role: Role.describe("The caller's role in this organization."),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Organization" });
export type Organization = z.infer<typeof Organization>;

const OrganizationName = z.string().trim().min(1).max(100);

export const CreateOrganizationInput = z.strictObject({ name: OrganizationName }).meta({ id: "CreateOrganizationInput" });
export type CreateOrganizationInput = z.infer<typeof CreateOrganizationInput>;

export const RenameOrganizationInput = z.strictObject({ name: OrganizationName }).meta({ id: "RenameOrganizationInput" });
export type RenameOrganizationInput = z.infer<typeof RenameOrganizationInput>;

export const OrganizationParams = z.object({ id: z.string().regex(/^org_[0-9a-z]{26}$/).describe("Organization id (`org_…`).") });

export const listOrganizations = defineOperation({
  id: "listOrganizations",
  method: "GET",
  path: "/api/v1/organizations",
  tag: "Organizations",
  summary: "List the organizations you belong to",
  description: "Every membership of the signed-in user, with their role in each; oldest organization first. Empty for a user who has none yet.",
  auth: "user",
  query: PageQuery,
  success: { status: 200, description: "A page of organizations.", schema: Page(Organization) },
  exampleResponse: { data: [EXAMPLE_ORGANIZATION], nextCursor: null },
});

export const createOrganization = defineOperation({
  id: "createOrganization",
  method: "POST",
  path: "/api/v1/organizations",
  tag: "Organizations",
  summary: "Create an organization",
  description: "The signed-in user becomes its owner. Switching to it is a session change (the dashboard's organization switcher).",
  auth: "user",
  body: CreateOrganizationInput,
  exampleBody: { name: "Acme Security" },
  success: { status: 201, description: "The new organization.", schema: Organization },
  exampleResponse: { ...EXAMPLE_ORGANIZATION, tier: "free" },
});

export const getCurrentOrganization = defineOperation({
  id: "getCurrentOrganization",
  method: "GET",
  path: "/api/v1/organizations/current",
  tag: "Organizations",
  summary: "Get the organization the caller acts in",
  description: "For an API key, the key's organization; for a session, the active organization.",
  auth: "principal",
  scope: "members:read",
  success: { status: 200, description: "The organization.", schema: Organization },
  exampleResponse: EXAMPLE_ORGANIZATION,
});

export const renameCurrentOrganization = defineOperation({
  id: "renameCurrentOrganization",
  method: "PATCH",
  path: "/api/v1/organizations/current",
  tag: "Organizations",
  summary: "Rename the organization the caller acts in",
  description: "The slug stays as it was, so links and scripts that use it keep working.",
  auth: "principal",
  scope: "members:manage",
  body: RenameOrganizationInput,
  exampleBody: { name: "Acme Security Research" },
  success: { status: 200, description: "The renamed organization.", schema: Organization },
  exampleResponse: { ...EXAMPLE_ORGANIZATION, name: "Acme Security Research" },
});

export const leaveOrganization = defineOperation({
  id: "leaveOrganization",
  method: "DELETE",
  path: "/api/v1/organizations/{id}/membership",
  tag: "Organizations",
  summary: "Leave an organization",
  description:
    "Ends the signed-in user's own membership and revokes the API keys they created there. The last owner cannot leave: make someone else an owner first.",
  auth: "user",
  params: OrganizationParams,
  exampleParams: { id: EXAMPLE_IDS.otherOrg },
  errors: [409],
  success: { status: 204, description: "Left." },
});
