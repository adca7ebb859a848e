import { z } from "zod";
import { defineOperation } from "../operation";
import { Page, PageQuery } from "../pagination";
import { EXAMPLE_IDS, EXAMPLE_ORGANIZATION, EXAMPLE_OWNER } from "./examples";
import { OrganizationParams, OrganizationTier } from "./organizations";

export const SignupMode = z.enum(["open", "invite_only", "allowlist"]);
export type SignupMode = z.infer<typeof SignupMode>;

export const SignupModeSettings = z
  .object({
    /** `open`: anyone; `invite_only`: holders of a pending invitation; `allowlist`: listed addresses and domains. */
    mode: SignupMode,
  })
  .meta({ id: "SignupModeSettings" });
export type SignupModeSettings = z.infer<typeof SignupModeSettings>;

export const UpdateSignupModeInput = z.strictObject({ mode: SignupMode }).meta({ id: "UpdateSignupModeInput" });
export type UpdateSignupModeInput = z.infer<typeof UpdateSignupModeInput>;

export const AllowlistEntry = z
  .object({
    id: z.string(),
    /** `email` admits one address; `domain` every address whose domain is exactly this one (not its subdomains). */
    kind: z.enum(["email", "domain"]),
    value: z.string(),
    note: z.string().nullable(),
    createdBy: z.object({ id: z.string(), email: z.string() }).nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "AllowlistEntry" });
export type AllowlistEntry = z.infer<typeof AllowlistEntry>;

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

export const CreateAllowlistEntryInput = z
  .strictObject({
    value: z
      .string()
      .trim()
      .toLowerCase()
      .max(254)
      .transform((value) => value.replace(/^@/, ""))
      .refine((value) => (value.includes("@") ? z.email().safeParse(value).success : DOMAIN.test(value)), "must be an email address or a domain such as example.com")
      .describe("An email address (`ada@example.com`) or a domain (`example.com` or `@example.com`)."),
    note: z.string().trim().max(200).optional(),
  })
  .meta({ id: "CreateAllowlistEntryInput" });
export type CreateAllowlistEntryInput = z.infer<typeof CreateAllowlistEntryInput>;

export const AdminOrganization = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    tier: OrganizationTier,
    memberCount: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "AdminOrganization" });
export type AdminOrganization = z.infer<typeof AdminOrganization>;

export const UpdateOrganizationTierInput = z.strictObject({ tier: OrganizationTier }).meta({ id: "UpdateOrganizationTierInput" });
export type UpdateOrganizationTierInput = z.infer<typeof UpdateOrganizationTierInput>;

const EXAMPLE_ALLOWLIST_ENTRY = {
  id: EXAMPLE_IDS.allowlist,
  kind: "domain" as const,
  value: "example.com",
  note: "Design partner",
  createdBy: EXAMPLE_OWNER,
  createdAt: "2026-03-02T08:55:00.000Z",
};

const EXAMPLE_ADMIN_ORGANIZATION = {
  id: EXAMPLE_ORGANIZATION.id,
  name: EXAMPLE_ORGANIZATION.name,
  slug: EXAMPLE_ORGANIZATION.slug,
  tier: EXAMPLE_ORGANIZATION.tier,
  memberCount: 2,
  createdAt: EXAMPLE_ORGANIZATION.createdAt,
};

const AllowlistParams = z.object({ id: z.string().regex(/^alw_[0-9a-z]{26}$/).describe("Allowlist entry id (`alw_…`).") });

export const getSignupMode = defineOperation({
  id: "getSignupMode",
  method: "GET",
  path: "/api/v1/admin/signup-mode",
  tag: "Platform administration",
  summary: "Get the sign-up mode",
  auth: "platform_admin",
  success: { status: 200, description: "The current mode.", schema: SignupModeSettings },
  exampleResponse: { mode: "invite_only" },
});

export const updateSignupMode = defineOperation({
  id: "updateSignupMode",
  method: "PUT",
  path: "/api/v1/admin/signup-mode",
  tag: "Platform administration",
  summary: "Choose who may sign up",
  auth: "platform_admin",
  body: UpdateSignupModeInput,
  exampleBody: { mode: "allowlist" },
  success: { status: 200, description: "The mode now in force.", schema: SignupModeSettings },
  exampleResponse: { mode: "allowlist" },
});

export const listAllowlistEntries = defineOperation({
  id: "listAllowlistEntries",
  method: "GET",
  path: "/api/v1/admin/allowlist",
  tag: "Platform administration",
  summary: "List the sign-up allowlist",
  description: "Oldest first, cursor-paginated. The allowlist applies when the sign-up mode is `allowlist`.",
  auth: "platform_admin",
  query: PageQuery,
  success: { status: 200, description: "A page of entries.", schema: Page(AllowlistEntry) },
  exampleResponse: { data: [EXAMPLE_ALLOWLIST_ENTRY], nextCursor: null },
});

export const createAllowlistEntry = defineOperation({
  id: "createAllowlistEntry",
  method: "POST",
  path: "/api/v1/admin/allowlist",
  tag: "Platform administration",
  summary: "Allow an email address or a domain to sign up",
  auth: "platform_admin",
  body: CreateAllowlistEntryInput,
  exampleBody: { value: "example.com", note: "Design partner" },
  success: { status: 201, description: "The new entry.", schema: AllowlistEntry },
  exampleResponse: EXAMPLE_ALLOWLIST_ENTRY,
  // 409: the value is already listed.
  errors: [409],
});

export const deleteAllowlistEntry = defineOperation({
  id: "deleteAllowlistEntry",
  method: "DELETE",
  path: "/api/v1/admin/allowlist/{id}",
  tag: "Platform administration",
  summary: "Remove an allowlist entry",
  description: "Accounts created through the entry stay; it only stops new sign-ups.",
  auth: "platform_admin",
  params: AllowlistParams,
  exampleParams: { id: EXAMPLE_IDS.allowlist },
  success: { status: 204, description: "Removed." },
});

export const listAdminOrganizations = defineOperation({
  id: "listAdminOrganizations",
  method: "GET",
  path: "/api/v1/admin/organizations",
  tag: "Platform administration",
  summary: "List every organization",
  description: "All organizations on the platform with their tier and member count, oldest first, cursor-paginated.",
  auth: "platform_admin",
  query: PageQuery,
  success: { status: 200, description: "A page of organizations.", schema: Page(AdminOrganization) },
  exampleResponse: { data: [EXAMPLE_ADMIN_ORGANIZATION], nextCursor: null },
});

export const updateOrganizationTier = defineOperation({
  id: "updateOrganizationTier",
  method: "PATCH",
  path: "/api/v1/admin/organizations/{id}",
  tag: "Platform administration",
  summary: "Set an organization's tier",
  description: "Recorded in the organization's own audit log, so its owners see who changed it.",
  auth: "platform_admin",
  params: OrganizationParams,
  exampleParams: { id: EXAMPLE_IDS.org },
  body: UpdateOrganizationTierInput,
  exampleBody: { tier: "team" },
  success: { status: 200, description: "The organization.", schema: AdminOrganization },
  exampleResponse: EXAMPLE_ADMIN_ORGANIZATION,
});
