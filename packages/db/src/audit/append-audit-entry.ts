import { type AuditLogEntry, type ActorType, type Prisma } from "../generated/prisma/index.js";
import { newId } from "../ids";
import { auditParams } from "./audit-params";
import { getAuditChainHead, lockAuditChain } from "./chain-head";
import { computeAuditEntryHash, type HashedAuditFields } from "./entry-hash";

export type AuditActorType = "user" | "api_key" | "sidecar" | "system" | "anonymous";

export interface AuditEntryInput {
  /** null writes to the platform chain (platform-admin actions, events with no tenant). */
  orgId: string | null;
  actor: { type: AuditActorType; userId?: string | null; apiKeyId?: string | null };
  /** e.g. "project.create", "auth.signin_failed". */
  action: string;
  target?: { type: string; id: string };
  /** Hashed and previewed after redaction; never stored raw. */
  params?: unknown;
  request?: { requestId?: string | null; ip?: string | null; userAgent?: string | null };
}

const ACTOR_TYPES: Record<AuditActorType, ActorType> = {
  user: "USER",
  api_key: "API_KEY",
  sidecar: "SIDECAR",
  system: "SYSTEM",
  anonymous: "ANONYMOUS",
};

/** Generous for real browsers; a header of kilobytes is not worth keeping forever. */
const USER_AGENT_MAX = 512;
const TEXT_MAX = 1000;

/**
 * Appends one entry to the org's audit chain, inside the caller's transaction, so the record
 * commits or rolls back with the change it describes. The chain lock is held until that
 * transaction ends: call this last in it, and use READ COMMITTED (the default). Under a snapshot
 * taken before the lock, the head would be stale and the insert fails on the (org, seq) unique
 * index rather than forking the chain.
 */
export async function appendAuditEntry(tx: Prisma.TransactionClient, input: AuditEntryInput): Promise<AuditLogEntry> {
  // A plain client runs each statement in its own transaction: the lock would be gone before the
  // insert and concurrent writers could fork the chain.
  if ("$transaction" in tx) throw new TypeError("appendAuditEntry must run inside a transaction");
  const actorType = ACTOR_TYPES[input.actor.type];
  if (!actorType) throw new TypeError(`appendAuditEntry: unknown actor type ${String(input.actor.type)}`);
  if (!input.action) throw new TypeError("appendAuditEntry: action is required");

  await lockAuditChain(tx, input.orgId);
  const head = await getAuditChainHead(tx, input.orgId);

  const fields: HashedAuditFields = {
    prevHash: head?.hash ?? null,
    orgId: input.orgId,
    seq: (head?.seq ?? 0n) + 1n,
    actorType,
    actorUserId: input.actor.userId ?? null,
    actorApiKeyId: input.actor.apiKeyId ?? null,
    action: storable(input.action, TEXT_MAX),
    targetType: optional(input.target?.type, TEXT_MAX),
    targetId: optional(input.target?.id, TEXT_MAX),
    ip: optional(input.request?.ip, TEXT_MAX),
    userAgent: optional(input.request?.userAgent, USER_AGENT_MAX),
    requestId: optional(input.request?.requestId, TEXT_MAX),
    ...auditParams(input.params),
    // Set here, not by the column default, so the hash covers the exact stored value: a JS Date
    // has whole milliseconds, which timestamptz(3) keeps unchanged.
    createdAt: new Date(),
  };
  return tx.auditLogEntry.create({ data: { id: newId("audit"), ...fields, hash: computeAuditEntryHash(fields) } });
}

function optional(value: string | null | undefined, max: number): string | null {
  return value == null ? null : storable(value, max);
}

/**
 * The string exactly as PostgreSQL will give it back, since the hash is taken before the insert:
 * lone surrogates would come back as U+FFFD and NUL cannot be stored in text at all. Long values
 * (client-supplied user agents) are cut without splitting a surrogate pair.
 */
function storable(value: string, max: number): string {
  let text = value.replaceAll("\u0000", "").replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
  if (text.length > max) text = text.slice(0, /[\ud800-\udbff]/.test(text[max - 1] ?? "") ? max - 1 : max);
  return text;
}
