import { updateOrganizationTier as updateOrganizationTierOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { updateOrganizationTier } from "@/server/services/platform/update-organization-tier";

// PATCH /api/v1/admin/organizations/{id} — set an organization's tier
export const PATCH = route(updateOrganizationTierOp, {}, ({ ctx, params, body }) => updateOrganizationTier(ctx, params.id, body));
