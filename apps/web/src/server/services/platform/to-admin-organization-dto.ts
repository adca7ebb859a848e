import type { AdminOrganization, OrganizationTier } from "@bulwark/contracts";
import type { Organization } from "@bulwark/db";

export function toAdminOrganizationDto(org: Organization & { _count: { memberships: number } }): AdminOrganization {
  return {
    id: org.id,
    name: org.name,
    slug: org.slug,
    tier: org.tier.toLowerCase() as OrganizationTier,
    memberCount: org._count.memberships,
    createdAt: org.createdAt.toISOString(),
  };
}
