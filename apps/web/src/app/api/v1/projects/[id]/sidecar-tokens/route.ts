import { createSidecarToken as createSidecarTokenOp, listSidecarTokens as listSidecarTokensOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { createSidecarToken } from "@/server/services/sidecar-tokens/create-sidecar-token";
import { listSidecarTokens } from "@/server/services/sidecar-tokens/list-sidecar-tokens";

// POST /api/v1/projects/{id}/sidecar-tokens — create a sidecar token (secret shown once)
export const POST = route(createSidecarTokenOp, {}, ({ ctx, params, body }) => createSidecarToken(ctx, params.id, body));

// GET /api/v1/projects/{id}/sidecar-tokens — a project's sidecar tokens, never their secrets
export const GET = route(listSidecarTokensOp, {}, ({ ctx, params, query }) => listSidecarTokens(ctx, params.id, query));
