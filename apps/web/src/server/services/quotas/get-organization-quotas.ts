import "server-only";
import type { OrganizationQuotas } from "@bulwark/contracts";
import type { UserContext } from "@/server/auth/principal";
import { assertPlatformAdmin } from "@/server/services/platform/assert-platform-admin";
import { effectiveLimits } from "./effective-limits";
import { toOrganizationQuotasDto } from "./to-organization-quotas-dto";

export async function getOrganizationQuotas(ctx: UserContext, orgId: string): Promise<OrganizationQuotas> {
  assertPlatformAdmin(ctx);
  return toOrganizationQuotasDto(orgId, await effectiveLimits(orgId));
}
