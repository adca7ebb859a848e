import type { Organization as OrganizationDto, OrganizationTier, Role } from "@bulwark/contracts";
import type { MembershipRole, Organization } from "@bulwark/db";

/** An organization as the caller sees it: with their own role in it. */
export function toOrganizationDto(org: Organization, role: MembershipRole | Role): OrganizationDto {
  return {
    id: org.id,
    name: org.name,
    slug: org.slug,
    tier: org.tier.toLowerCase() as OrganizationTier,
    role: role.toLowerCase() as Role,
    createdAt: org.createdAt.toISOString(),
  };
}
