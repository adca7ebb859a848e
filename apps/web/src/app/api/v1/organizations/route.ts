import { createOrganization as createOrganizationOp, listOrganizations as listOrganizationsOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { createOrganization } from "@/server/services/organizations/create-organization";
import { listOrganizations } from "@/server/services/organizations/list-organizations";

// GET /api/v1/organizations — the organizations the signed-in user belongs to, with their role
export const GET = route(listOrganizationsOp, {}, ({ ctx, query }) => listOrganizations(ctx, query));

// POST /api/v1/organizations — create an organization owned by the signed-in user
export const POST = route(createOrganizationOp, {}, ({ ctx, body }) => createOrganization(ctx, body));
