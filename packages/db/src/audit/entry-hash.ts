import { createHash } from "node:crypto";
import type { AuditLogEntry } from "../generated/prisma/index.js";
import { canonicalJson } from "@bulwark/contracts";

/** The columns an entry's hash covers: everything stored except its id and the hash itself. */
export type HashedAuditFields = Pick<
  AuditLogEntry,
  | "prevHash"
  | "orgId"
  | "seq"
  | "actorType"
  | "actorUserId"
  | "actorApiKeyId"
  | "action"
  | "targetType"
  | "targetId"
  | "ip"
  | "userAgent"
  | "requestId"
  | "paramsHash"
  | "paramsPreview"
  | "createdAt"
>;

/**
 * Names this recipe inside the hashed text, so an audit hash can never be passed off as a hash of
 * another structure with the same members (an evidence item), and a future recipe can differ.
 */
const DOMAIN = "bulwark.audit-entry.v1";

/**
 * SHA-256 hex of the canonical JSON of the entry's columns. JSON makes the encoding unambiguous
 * (no separator tricks: action "a"+target "bc" never equals "ab"+"c"; null is not ""); the seq is
 * a decimal string so it is exact beyond 2^53; createdAt is the ISO form of the millisecond the
 * timestamptz(3) column stores, so the hash covers exactly what is read back.
 */
export function computeAuditEntryHash(entry: HashedAuditFields): string {
  const text = canonicalJson({
    domain: DOMAIN,
    prevHash: entry.prevHash,
    orgId: entry.orgId,
    seq: entry.seq.toString(),
    actorType: entry.actorType,
    actorUserId: entry.actorUserId,
    actorApiKeyId: entry.actorApiKeyId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    ip: entry.ip,
    userAgent: entry.userAgent,
    requestId: entry.requestId,
    paramsHash: entry.paramsHash,
    paramsPreview: entry.paramsPreview,
    createdAt: entry.createdAt.toISOString(),
  });
  return createHash("sha256").update(text, "utf8").digest("hex");
}
