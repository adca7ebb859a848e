import type { OrganizationQuotas } from "@bulwark/contracts";
import type { ResolvedLimits } from "./effective-limits";

export function toOrganizationQuotasDto(orgId: string, resolved: ResolvedLimits): OrganizationQuotas {
  return {
    orgId,
    tier: resolved.tier.toLowerCase() as OrganizationQuotas["tier"],
    effective: resolved.limits,
    overrides: resolved.overrides,
    sources: resolved.sources,
  };
}
