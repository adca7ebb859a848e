import { listAdminOrganizations as listAdminOrganizationsOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { listAdminOrganizations } from "@/server/services/platform/list-admin-organizations";

// GET /api/v1/admin/organizations — every organization, with tier and member count
export const GET = route(listAdminOrganizationsOp, {}, ({ ctx, query }) => listAdminOrganizations(ctx, query));
