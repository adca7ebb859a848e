import "server-only";
import { forbidden, type Role, ROLE_RANK } from "@bulwark/contracts";
import type { ServiceContext } from "@/server/auth/principal";

/**
 * Nobody grants or takes away more authority than they hold. With `members:manage`, a caller
 * may act on a member whose role is at most their own, and give a role at most their own; so
 * only an owner makes, unmakes or removes owners. Nobody raises their own role. For an API key
 * the role is its creator's current one.
 */
export function assertCanManageMember(
  ctx: ServiceContext,
  target: { userId: string; role: Role },
  newRole?: Role,
): void {
  if (!ctx.scopes.includes("members:manage")) throw forbidden("Managing members needs the members:manage scope.");
  const mine = ROLE_RANK[ctx.role];
  if (ROLE_RANK[target.role] > mine || (newRole && ROLE_RANK[newRole] > mine)) {
    throw forbidden(target.role === "owner" || newRole === "owner" ? "Only an owner can make, change or remove an owner." : "You cannot give or change a role above your own.");
  }
  if (newRole && target.userId === ctx.actor.userId && ROLE_RANK[newRole] > ROLE_RANK[target.role]) {
    throw forbidden("You cannot raise your own role.");
  }
}
