import type { Member as MemberDto, Role } from "@bulwark/contracts";
import type { Membership } from "@bulwark/db";

export type MembershipWithUser = Membership & { user: { id: string; email: string; name: string | null } };

export function toMemberDto(membership: MembershipWithUser): MemberDto {
  return {
    id: membership.id,
    user: { id: membership.user.id, email: membership.user.email, name: membership.user.name },
    role: membership.role.toLowerCase() as Role,
    createdAt: membership.createdAt.toISOString(),
    updatedAt: membership.updatedAt.toISOString(),
  };
}
