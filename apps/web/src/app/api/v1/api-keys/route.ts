import { createApiKey as createApiKeyOp, listApiKeys as listApiKeysOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { listApiKeys } from "@/server/services/api-keys/list-api-keys";

// POST /api/v1/api-keys — create a key; its secret is in this response only
export const POST = route(createApiKeyOp, {}, ({ ctx, body }) => createApiKey(ctx, body));

// GET /api/v1/api-keys — the organization's keys, without secrets
export const GET = route(listApiKeysOp, {}, ({ ctx, query }) => listApiKeys(ctx, query));
