import { z } from "zod";
import { defineOperation } from "../operation";
import { Page } from "../pagination";

export const AuditLogEntry = z
  .object({
    id: z.string(),
    seq: z.string().describe("Position in the organization's chain (a decimal string: it can exceed 2^53)."),
    actor: z.object({
      type: z.enum(["user", "api_key", "sidecar", "system", "anonymous"]),
      userId: z.string().nullable(),
      apiKeyId: z.string().nullable(),
    }),
    action: z.string(),
    target: z.object({ type: z.string(), id: z.string().nullable() }).nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    requestId: z.string().nullable(),
    paramsHash: z.string().nullable(),
    paramsPreview: z.string().nullable().describe("Canonical parameters with secrets redacted, cut to 200 characters."),
    prevHash: z.string().nullable(),
    hash: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "AuditLogEntry" });
export type AuditLogEntry = z.infer<typeof AuditLogEntry>;

export const AuditLogQuery = z.object({
  actorId: z.string().max(64).optional().describe("A user id or API key id."),
  action: z.string().max(100).optional().describe("Exact action, or a prefix ending in `.` (e.g. `project.`)."),
  targetType: z.string().max(50).optional(),
  targetId: z.string().max(64).optional(),
  from: z.iso.datetime().optional().describe("Entries at or after this time."),
  to: z.iso.datetime().optional().describe("Entries before this time."),
  cursor: z.string().regex(/^\d{1,18}$/, "must be a sequence number").optional().describe("The `nextCursor` of the previous page."),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditLogQuery = z.infer<typeof AuditLogQuery>;

export const AuditChainStatus = z
  .discriminatedUnion("ok", [
    z.object({
      ok: z.literal(true),
      entries: z.number().int(),
      headSeq: z.string().nullable(),
      headHash: z.string().nullable().describe("Record it outside Bulwark: only an external anchor reveals a truncated tail."),
      checkedFromSeq: z.string(),
    }),
    z.object({
      ok: z.literal(false),
      brokenAtSeq: z.string().describe("The first sequence number whose entry does not verify."),
      reason: z.enum(["hash_mismatch", "prev_hash_mismatch", "sequence_gap", "checkpoint_mismatch"]),
    }),
  ])
  .meta({ id: "AuditChainStatus" });

export const listAuditLogs = defineOperation({
  id: "listAuditLogs",
  method: "GET",
  path: "/api/v1/audit-logs",
  tag: "Audit log",
  summary: "Search the organization's audit log",
  description: "Newest first. Filters combine with AND.",
  auth: "principal",
  scope: "audit:read",
  query: AuditLogQuery,
  success: { status: 200, description: "A page of entries.", schema: Page(AuditLogEntry) },
});

export const verifyAuditLog = defineOperation({
  id: "verifyAuditLog",
  method: "GET",
  path: "/api/v1/audit-logs/verify",
  tag: "Audit log",
  summary: "Verify the organization's audit chain",
  description: "Recomputes every entry's hash and link; answers ok with the head, or the first broken sequence number.",
  auth: "principal",
  scope: "audit:read",
  success: { status: 200, description: "The chain's status.", schema: AuditChainStatus },
});
