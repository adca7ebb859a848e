import { z } from "zod";
import { defineOperation } from "../operation";
import { Page, PageQuery } from "../pagination";
import { Scope } from "../scopes";
import { EXAMPLE_IDS, EXAMPLE_OWNER } from "./examples";

export const ApiKey = z
  .object({
    id: z.string(),
    name: z.string(),
    /** The public part of the key, enough to recognise it in a list. */
    prefix: z.string(),
    scopes: z.array(Scope),
    createdBy: z.object({ id: z.string(), email: z.string() }),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    expiresAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "ApiKey" });
export type ApiKey = z.infer<typeof ApiKey>;

export const CreatedApiKey = ApiKey.extend({
  /** The secret. Shown exactly once: only its hash is stored. */
  key: z.string(),
}).meta({ id: "CreatedApiKey" });

export const CreateApiKeyInput = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    scopes: z
      .array(Scope)
      .min(1)
      .max(32)
      .refine((scopes) => new Set(scopes).size === scopes.length, "list each scope once"),
    expiresAt: z.iso.datetime().optional().describe("When the key stops working; omit for no expiry."),
  })
  .meta({ id: "CreateApiKeyInput" });
export type CreateApiKeyInput = z.infer<typeof CreateApiKeyInput>;

const EXAMPLE_KEY = {
  id: EXAMPLE_IDS.apiKey,
  name: "CI pipeline",
  prefix: "bwk_vtzv0cvfqr",
  scopes: ["projects:read" as const, "runs:read" as const, "runs:write" as const],
  createdBy: EXAMPLE_OWNER,
  createdAt: "2026-03-02T09:05:00.000Z",
  lastUsedAt: null,
  expiresAt: null,
  revokedAt: null,
};

const ApiKeyParams = z.object({ id: z.string().regex(/^key_[0-9a-z]{26}$/).describe("API key id (`key_…`).") });

export const createApiKey = defineOperation({
  id: "createApiKey",
  method: "POST",
  path: "/api/v1/api-keys",
  tag: "API keys",
  summary: "Create an API key",
  description: "The key carries a subset of the caller's own scopes. The secret is in the response once and never again.",
  auth: "principal",
  scope: "keys:manage",
  body: CreateApiKeyInput,
  exampleBody: { name: "CI pipeline", scopes: ["projects:read", "runs:read", "runs:write"] },
  success: { status: 201, description: "The key, with its secret.", schema: CreatedApiKey },
  exampleResponse: { ...EXAMPLE_KEY, key: "bwk_vtzv0cvfqrn894n1nypz6war5qhqeeg352334ec58g" },
});

export const listApiKeys = defineOperation({
  id: "listApiKeys",
  method: "GET",
  path: "/api/v1/api-keys",
  tag: "API keys",
  summary: "List the organization's API keys",
  auth: "principal",
  scope: "keys:manage",
  query: PageQuery,
  success: { status: 200, description: "A page of keys (never their secrets).", schema: Page(ApiKey) },
  exampleResponse: { data: [{ ...EXAMPLE_KEY, lastUsedAt: "2026-03-04T14:00:00.000Z" }], nextCursor: null },
});

export const revokeApiKey = defineOperation({
  id: "revokeApiKey",
  method: "DELETE",
  path: "/api/v1/api-keys/{id}",
  tag: "API keys",
  summary: "Revoke an API key",
  description: "Takes effect on the next request, on every instance.",
  auth: "principal",
  scope: "keys:manage",
  params: ApiKeyParams,
  exampleParams: { id: EXAMPLE_IDS.apiKey },
  success: { status: 204, description: "Revoked." },
});
