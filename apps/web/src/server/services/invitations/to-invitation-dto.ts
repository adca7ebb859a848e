import type { Invitation as InvitationDto, Role } from "@bulwark/contracts";
import type { Invitation } from "@bulwark/db";

export type InvitationWithInviter = Invitation & { invitedBy: { id: string; email: string } | null };

/** Never carries the token or its hash. */
export function toInvitationDto(invitation: InvitationWithInviter): InvitationDto {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role.toLowerCase() as Role,
    invitedBy: invitation.invitedBy ? { id: invitation.invitedBy.id, email: invitation.invitedBy.email } : null,
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
  };
}
