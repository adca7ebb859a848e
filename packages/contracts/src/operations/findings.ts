import { z } from "zod";
import { defineOperation } from "../operation";
import { Page, PageQuery } from "../pagination";
import { EXAMPLE_EVIDENCE, EXAMPLE_FINDING, EXAMPLE_IDS } from "./examples";
import { RunCategory } from "./runs";

export const FindingStatus = z.enum(["open", "confirmed", "false_positive", "accepted_risk", "fixed"]);
export type FindingStatus = z.infer<typeof FindingStatus>;

export const FindingSeverity = z.enum(["critical", "high", "medium", "low", "info"]);
export type FindingSeverity = z.infer<typeof FindingSeverity>;

export const FindingMappings = z
  .object({
    owaspLlm: z.array(z.string()).describe("OWASP Top 10 for LLM Applications 2025, e.g. `LLM01:2025`."),
    owaspAgentic: z.array(z.string()).describe("OWASP agentic AI threats, e.g. `T2`."),
    atlas: z.array(z.string()).describe("MITRE ATLAS techniques, e.g. `AML.T0051.000`."),
  })
  .meta({ id: "FindingMappings" });

export const FindingRemediation = z
  .object({ summary: z.string(), steps: z.array(z.string()), references: z.array(z.string()) })
  .meta({ id: "FindingRemediation" });

export const Finding = z
  .object({
    id: z.string(),
    projectId: z.string(),
    runId: z.string(),
    fingerprint: z.string().describe("Follows one weakness (scenario version in a project) across runs."),
    scenarioKey: z.string(),
    scenarioVersion: z.number().int(),
    category: RunCategory,
    severity: FindingSeverity,
    confidence: z.number().describe("0–1: how sure the detector that fired is."),
    riskScore: z.number().nullable().describe("0.0–10.0, from severity, confidence and exploitability."),
    title: z.string(),
    summary: z.string(),
    status: FindingStatus.describe("`false_positive` carries forward: later runs of the project open the same weakness as a false positive."),
    assignee: z.object({ id: z.string(), email: z.string(), name: z.string().nullable() }).nullable(),
    triageNote: z.string().nullable(),
    triagedAt: z.iso.datetime().nullable(),
    triagedById: z.string().nullable(),
    evidenceIds: z.array(z.string()).describe("The evidence items this finding cites; the last is the finding's own link."),
    evidenceHash: z.string().nullable().describe("Hash of the finding's own link in the run's evidence chain."),
    remediation: FindingRemediation.nullable(),
    mappings: FindingMappings.nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Finding" });
export type Finding = z.infer<typeof Finding>;

export const EvidenceKind = z.enum(["message", "reply", "tool_call", "egress_event", "verdict", "finding", "error"]);

export const EvidenceLink = z
  .object({
    id: z.string(),
    seq: z.number().int().describe("Position in the run's evidence chain."),
    kind: EvidenceKind,
    turnId: z.string().nullable(),
    payload: z.unknown().describe("What was captured, redacted before it was stored."),
    prevHash: z.string().nullable(),
    hash: z.string().describe("H(prevHash ‖ canonical(seq, kind, payload, turnId))."),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "EvidenceLink" });
export type EvidenceLink = z.infer<typeof EvidenceLink>;

export const FindingDetail = Finding.extend({
  evidence: z.array(EvidenceLink).describe("The cited links of the run's evidence chain, in chain order (by `seq`)."),
}).meta({ id: "FindingDetail" });
export type FindingDetail = z.infer<typeof FindingDetail>;

const UserId = z.string().regex(/^usr_[0-9a-z]{26}$/, "must be a user id (`usr_…`)");

/** The statuses that dismiss a finding: each must say why, in the same request (the audit log keeps it). */
export const DISMISSED_FINDING_STATUSES: readonly FindingStatus[] = ["false_positive", "accepted_risk"];

export const UpdateFindingInput = z
  .strictObject({
    status: FindingStatus.optional().describe("`false_positive` and `accepted_risk` need a `note` in the same request."),
    assigneeId: UserId.nullable().optional().describe("A current member of the organization; null unassigns."),
    note: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .nullable()
      .optional()
      .describe("The triage note; null clears it, except on a false_positive or accepted_risk finding, which keeps its reason."),
  })
  .refine((input) => Object.keys(input).length > 0, "send at least one of status, assigneeId, note")
  .refine((input) => !input.status || !DISMISSED_FINDING_STATUSES.includes(input.status) || typeof input.note === "string", {
    path: ["note"],
    message: "marking a finding false_positive or accepted_risk needs a note saying why",
  })
  .meta({ id: "UpdateFindingInput" });
export type UpdateFindingInput = z.infer<typeof UpdateFindingInput>;

const ProjectId = z.string().regex(/^prj_[0-9a-z]{26}$/).describe("Project id (`prj_…`).");
const RunId = z.string().regex(/^run_[0-9a-z]{26}$/).describe("Run id (`run_…`).");
const FindingParams = z.object({ id: z.string().regex(/^fnd_[0-9a-z]{26}$/).describe("Finding id (`fnd_…`).") });

export const ListFindingsQuery = PageQuery.extend({
  projectId: ProjectId.optional(),
  runId: RunId.optional(),
  status: FindingStatus.optional(),
  severity: FindingSeverity.optional(),
  category: RunCategory.optional(),
});
export type ListFindingsQuery = z.infer<typeof ListFindingsQuery>;

/** A run holds at most one finding per scenario it planned, so its list needs no cursor. */
export const RunFindings = z.object({ data: z.array(Finding) }).meta({ id: "RunFindings" });

export const listRunFindings = defineOperation({
  id: "listRunFindings",
  method: "GET",
  path: "/api/v1/runs/{id}/findings",
  tag: "Findings",
  summary: "List a run's findings",
  description:
    "Highest risk first (then severity). Not paginated: a run has at most one finding per scenario it planned, and a plan holds at most the built-in catalog plus the organization's active custom scenarios (capped).",
  auth: "principal",
  scope: "findings:read",
  params: z.object({ id: RunId }),
  exampleParams: { id: EXAMPLE_IDS.run },
  success: { status: 200, description: "Every finding of the run.", schema: RunFindings },
  exampleResponse: { data: [EXAMPLE_FINDING] },
});

export const listFindings = defineOperation({
  id: "listFindings",
  method: "GET",
  path: "/api/v1/findings",
  tag: "Findings",
  summary: "List the organization's findings",
  description: "Across every project of the organization, newest first, cursor-paginated. Filters combine with AND.",
  auth: "principal",
  scope: "findings:read",
  query: ListFindingsQuery,
  exampleQuery: { projectId: EXAMPLE_IDS.project, status: "open", severity: "critical", limit: 20 },
  success: { status: 200, description: "A page of findings.", schema: Page(Finding) },
  exampleResponse: { data: [EXAMPLE_FINDING], nextCursor: null },
});

export const getFinding = defineOperation({
  id: "getFinding",
  method: "GET",
  path: "/api/v1/findings/{id}",
  tag: "Findings",
  summary: "Get a finding with its evidence",
  description:
    "The finding and the evidence chain links it cites (message sent, reply, tool calls, egress, verdict, the finding itself), redacted as stored. `GET /api/v1/runs/{id}/verify` recomputes the whole chain.",
  auth: "principal",
  scope: "findings:read",
  params: FindingParams,
  exampleParams: { id: EXAMPLE_IDS.finding },
  success: { status: 200, description: "The finding and its evidence.", schema: FindingDetail },
  exampleResponse: { ...EXAMPLE_FINDING, evidence: EXAMPLE_EVIDENCE },
});

export const updateFinding = defineOperation({
  id: "updateFinding",
  method: "PATCH",
  path: "/api/v1/findings/{id}",
  tag: "Findings",
  summary: "Triage a finding",
  description:
    "Sets its status, assignee or note, and records who triaged it and when (audited as `finding.triage`). The assignee must be a current member of the organization (422 otherwise). Dismissing a finding (`false_positive`, `accepted_risk`) needs a note in the same request, and a dismissed finding's note cannot be cleared (422 otherwise): the audit log keeps every reason. A `false_positive` mark carries forward: later runs of the project open the same weakness as a false positive.",
  auth: "principal",
  scope: "findings:write",
  params: FindingParams,
  exampleParams: { id: EXAMPLE_IDS.finding },
  body: UpdateFindingInput,
  exampleBody: { status: "confirmed", note: "Reproduced by hand; the key in the system prompt is being moved to the tool runtime." },
  success: { status: 200, description: "The triaged finding.", schema: Finding },
  exampleResponse: {
    ...EXAMPLE_FINDING,
    status: "confirmed",
    triageNote: "Reproduced by hand; the key in the system prompt is being moved to the tool runtime.",
    triagedAt: "2026-03-04T15:12:40.031Z",
    triagedById: EXAMPLE_IDS.owner,
    updatedAt: "2026-03-04T15:12:40.031Z",
  },
});
