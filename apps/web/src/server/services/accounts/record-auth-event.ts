import "server-only";
import { appendAuditEntry, type AuditActorType } from "@bulwark/db";
import type { Tx } from "@/server/db/transaction";
import type { RequestFacts } from "./account-options";

export interface AuthEvent {
  action: string;
  /** The account acting; absent for anonymous callers (a failed sign-in, a used verification link). */
  userId?: string | null;
  target?: { type: string; id: string };
  params?: unknown;
  request: RequestFacts;
}

/**
 * Authentication events belong to no organization: they go to the platform chain (orgId null),
 * in the transaction of the change they record.
 */
export function recordAuthEvent(tx: Tx, event: AuthEvent) {
  const actorType: AuditActorType = event.userId ? "user" : "anonymous";
  return appendAuditEntry(tx, {
    orgId: null,
    actor: { type: actorType, userId: event.userId ?? null },
    action: event.action,
    target: event.target,
    params: event.params,
    request: event.request,
  });
}
