import "server-only";
import { forbidden, type Role, ROLE_RANK } from "@bulwark/contracts";
import type { ServiceContext } from "@/server/auth/principal";

/** Inviting (and revoking an invitation) stays within the caller's own rank: only owners invite owners. */
export function assertCanInvite(ctx: ServiceContext, role: Role): void {
  if (!ctx.scopes.includes("members:manage")) throw forbidden("Managing invitations needs the members:manage scope.");
  if (ROLE_RANK[role] > ROLE_RANK[ctx.role]) {
    throw forbidden(role === "owner" ? "Only an owner can invite an owner." : "You cannot invite with a role above your own.");
  }
}
