import "server-only";
import { appendAuditEntry } from "@bulwark/db";
import type { UserContext } from "@/server/auth/principal";
import type { Tx } from "@/server/db/transaction";

/**
 * Records a platform administrator's action in the platform chain (orgId null): platform-wide
 * state — settings, the allowlist — belongs to no organization. Same transaction as the change.
 */
export function recordPlatformAudit(tx: Tx, ctx: UserContext, action: string, target: { type: string; id: string }, params?: unknown) {
  return appendAuditEntry(tx, {
    orgId: null,
    actor: { type: "user", userId: ctx.userId },
    action,
    target,
    params,
    request: { requestId: ctx.requestId, ip: ctx.ip, userAgent: ctx.userAgent },
  });
}
