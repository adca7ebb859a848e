import { revokeSidecarToken as revokeSidecarTokenOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { revokeSidecarToken } from "@/server/services/sidecar-tokens/revoke-sidecar-token";

// DELETE /api/v1/projects/{id}/sidecar-tokens/{tokenId} — revoke a token, effective on the next request
export const DELETE = route(revokeSidecarTokenOp, {}, async ({ ctx, params }) => {
  await revokeSidecarToken(ctx, params.id, params.tokenId);
  return new Response(null, { status: 204 });
});
