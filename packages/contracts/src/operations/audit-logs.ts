import { z } from "zod";
import { defineOperation } from "../operation";
import { Page } from "../pagination";
import { EXAMPLE_HASHES, EXAMPLE_IDS } from "./examples";

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
  exampleQuery: { action: "run.", from: "2026-03-04T00:00:00.000Z", limit: 50 },
  success: { status: 200, description: "A page of entries.", schema: Page(AuditLogEntry) },
  exampleResponse: {
    data: [
      {
        id: EXAMPLE_IDS.audit,
        seq: "42",
        actor: { type: "api_key", userId: EXAMPLE_IDS.owner, apiKeyId: EXAMPLE_IDS.apiKey },
        action: "run.create",
        target: { type: "run", id: EXAMPLE_IDS.run },
        ip: "203.0.113.24",
        userAgent: "curl/8.14.1",
        requestId: EXAMPLE_IDS.request,
        paramsHash: "2d6f3c1b0a86bb6b0c3d7e2d4f5cbf0b0fb1d3b93a2a9dd86e5f5f8a3d6e1c44",
        paramsPreview: '{"categories":["secret_leakage","data_exfiltration"],"intensity":"medium"}',
        prevHash: EXAMPLE_HASHES.auditPrev,
        hash: EXAMPLE_HASHES.audit,
        createdAt: "2026-03-04T14:00:00.000Z",
      },
    ],
    nextCursor: "42",
  },
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
  exampleResponse: { ok: true, entries: 42, headSeq: "42", headHash: EXAMPLE_HASHES.audit, checkedFromSeq: "1" },
});
