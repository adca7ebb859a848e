import { createAllowlistEntry as createAllowlistEntryOp, listAllowlistEntries as listAllowlistEntriesOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { createAllowlistEntry } from "@/server/services/platform/create-allowlist-entry";
import { listAllowlistEntries } from "@/server/services/platform/list-allowlist-entries";

// GET /api/v1/admin/allowlist — addresses and domains allowed to sign up in allowlist mode
export const GET = route(listAllowlistEntriesOp, {}, ({ ctx, query }) => listAllowlistEntries(ctx, query));

// POST /api/v1/admin/allowlist — allow an address or a domain
export const POST = route(createAllowlistEntryOp, {}, ({ ctx, body }) => createAllowlistEntry(ctx, body));
