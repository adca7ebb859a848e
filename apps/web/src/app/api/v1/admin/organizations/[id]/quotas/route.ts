import { getOrganizationQuotas as getOrganizationQuotasOp, updateOrganizationQuotas as updateOrganizationQuotasOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { getOrganizationQuotas } from "@/server/services/quotas/get-organization-quotas";
import { updateOrganizationQuotas } from "@/server/services/quotas/update-organization-quotas";

// GET /api/v1/admin/organizations/{id}/quotas — the limits in force, the overrides and their sources
export const GET = route(getOrganizationQuotasOp, {}, ({ ctx, params }) => getOrganizationQuotas(ctx, params.id));

// PUT /api/v1/admin/organizations/{id}/quotas — set or clear (null) the organization's overrides
export const PUT = route(updateOrganizationQuotasOp, {}, ({ ctx, params, body }) => updateOrganizationQuotas(ctx, params.id, body));
