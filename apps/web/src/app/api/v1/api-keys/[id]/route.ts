import { revokeApiKey as revokeApiKeyOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { revokeApiKey } from "@/server/services/api-keys/revoke-api-key";

// DELETE /api/v1/api-keys/{id} — revoke a key, effective on the next request everywhere
export const DELETE = route(revokeApiKeyOp, {}, async ({ ctx, params }) => {
  await revokeApiKey(ctx, params.id);
  return new Response(null, { status: 204 });
});
