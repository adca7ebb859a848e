import { getCurrentOrganization as getCurrentOrganizationOp, renameCurrentOrganization as renameCurrentOrganizationOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { getCurrentOrganization } from "@/server/services/organizations/get-current-organization";
import { renameOrganization } from "@/server/services/organizations/rename-organization";

// GET /api/v1/organizations/current — the organization the caller acts in
export const GET = route(getCurrentOrganizationOp, {}, ({ ctx }) => getCurrentOrganization(ctx));

// PATCH /api/v1/organizations/current — rename it
export const PATCH = route(renameCurrentOrganizationOp, {}, ({ ctx, body }) => renameOrganization(ctx, body));
