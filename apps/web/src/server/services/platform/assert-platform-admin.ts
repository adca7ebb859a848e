import { forbidden } from "@bulwark/contracts";
import type { UserContext } from "@/server/auth/principal";

/** route() checks this already; services check again because pages and actions call them too. */
export function assertPlatformAdmin(ctx: Pick<UserContext, "isPlatformAdmin">): void {
  if (!ctx.isPlatformAdmin) throw forbidden("This operation is for platform administrators.");
}
