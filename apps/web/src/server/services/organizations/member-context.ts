import "server-only";
import { type Role, scopesForRole } from "@bulwark/contracts";
import type { ServiceContext, UserContext } from "@/server/auth/principal";

/**
 * A signed-in person acting in one organization they belong to, with the role they hold there.
 * User-level operations (create, join, leave an organization) use it to write the audit entry
 * into that organization's chain and to reuse the org-scoped services.
 */
export function memberContext(user: UserContext, orgId: string, role: Role): ServiceContext {
  return {
    orgId,
    actor: { type: "user", userId: user.userId },
    role,
    scopes: scopesForRole(role),
    isPlatformAdmin: user.isPlatformAdmin,
    requestId: user.requestId,
    ip: user.ip,
    userAgent: user.userAgent,
  };
}
