import { z } from "zod";
import { defineOperation } from "../operation";
import { Page, PageQuery } from "../pagination";
import { EXAMPLE_IDS } from "./examples";

export const SidecarToken = z
  .object({
    id: z.string(),
    projectId: z.string(),
    name: z.string(),
    /** The public part of the token, enough to recognise it in a list. */
    prefix: z.string(),
    lastSeenAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "SidecarToken" });
export type SidecarToken = z.infer<typeof SidecarToken>;

export const CreatedSidecarToken = SidecarToken.extend({
  /** The secret (`bws_…`). Shown exactly once: only its hash is stored. */
  token: z.string(),
}).meta({ id: "CreatedSidecarToken" });

export const CreateSidecarTokenInput = z
  .strictObject({ name: z.string().trim().min(1).max(100) })
  .meta({ id: "CreateSidecarTokenInput" });
export type CreateSidecarTokenInput = z.infer<typeof CreateSidecarTokenInput>;

const ProjectId = z.string().regex(/^prj_[0-9a-z]{26}$/).describe("Project id (`prj_…`).");

const EXAMPLE_TOKEN = {
  id: EXAMPLE_IDS.sidecarToken,
  projectId: EXAMPLE_IDS.project,
  name: "staging cluster",
  prefix: "bws_hrcx4bqa6f",
  lastSeenAt: null,
  revokedAt: null,
  createdAt: "2026-03-02T09:12:00.000Z",
};

export const createSidecarToken = defineOperation({
  id: "createSidecarToken",
  method: "POST",
  path: "/api/v1/projects/{id}/sidecar-tokens",
  tag: "Sidecar tokens",
  summary: "Create a sidecar token",
  description: "The token lets one sidecar send events to this project and read its configuration. The secret is in the response once and never again.",
  auth: "principal",
  scope: "projects:write",
  params: z.object({ id: ProjectId }),
  exampleParams: { id: EXAMPLE_IDS.project },
  body: CreateSidecarTokenInput,
  exampleBody: { name: "staging cluster" },
  success: { status: 201, description: "The token, with its secret.", schema: CreatedSidecarToken },
  exampleResponse: { ...EXAMPLE_TOKEN, token: "bws_hrcx4bqa6f5p9d283tqsqraz4fzz1dfjht8222hzdh" },
});

export const listSidecarTokens = defineOperation({
  id: "listSidecarTokens",
  method: "GET",
  path: "/api/v1/projects/{id}/sidecar-tokens",
  tag: "Sidecar tokens",
  summary: "List a project's sidecar tokens",
  description: "Oldest first, cursor-paginated; revoked tokens are listed with `revokedAt`.",
  auth: "principal",
  scope: "projects:read",
  params: z.object({ id: ProjectId }),
  exampleParams: { id: EXAMPLE_IDS.project },
  query: PageQuery,
  success: { status: 200, description: "A page of tokens (never their secrets).", schema: Page(SidecarToken) },
  exampleResponse: { data: [{ ...EXAMPLE_TOKEN, lastSeenAt: "2026-03-04T14:02:45.118Z" }], nextCursor: null },
});

export const revokeSidecarToken = defineOperation({
  id: "revokeSidecarToken",
  method: "DELETE",
  path: "/api/v1/projects/{id}/sidecar-tokens/{tokenId}",
  tag: "Sidecar tokens",
  summary: "Revoke a sidecar token",
  description: "Takes effect on the next request, on every instance. Revoking a revoked token changes nothing.",
  auth: "principal",
  scope: "projects:write",
  params: z.object({ id: ProjectId, tokenId: z.string().regex(/^sct_[0-9a-z]{26}$/).describe("Sidecar token id (`sct_…`).") }),
  exampleParams: { id: EXAMPLE_IDS.project, tokenId: EXAMPLE_IDS.sidecarToken },
  success: { status: 204, description: "Revoked." },
});
