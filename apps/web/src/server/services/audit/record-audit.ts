import "server-only";
import { appendAuditEntry } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import type { Tx } from "@/server/db/transaction";

/**
 * Records what the caller did, in the transaction of the change itself: the change and its
 * audit entry commit together or not at all. `params` is hashed and previewed with secrets
 * redacted, never stored raw.
 */
export function recordAudit(
  tx: Tx,
  ctx: ServiceContext,
  action: string,
  target: { type: string; id: string },
  params?: unknown,
) {
  return appendAuditEntry(tx, {
    orgId: ctx.orgId,
    actor: ctx.actor.type === "api_key" ? { type: "api_key", apiKeyId: ctx.actor.apiKeyId, userId: ctx.actor.userId } : { type: "user", userId: ctx.actor.userId },
    action,
    target,
    params,
    request: { requestId: ctx.requestId, ip: ctx.ip, userAgent: ctx.userAgent },
  });
}
