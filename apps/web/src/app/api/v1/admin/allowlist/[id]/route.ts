import { deleteAllowlistEntry as deleteAllowlistEntryOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { deleteAllowlistEntry } from "@/server/services/platform/delete-allowlist-entry";

// DELETE /api/v1/admin/allowlist/{id} — stop admitting an address or domain
export const DELETE = route(deleteAllowlistEntryOp, {}, async ({ ctx, params }) => {
  await deleteAllowlistEntry(ctx, params.id);
  return new Response(null, { status: 204 });
});
