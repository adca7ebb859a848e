import type { Finding as FindingDto, FindingSeverity, FindingStatus, RunCategory } from "@bulwark/contracts";
import type { Finding, Prisma } from "@bulwark/db";

/** What every finding query includes: the assignee as a person, not a bare id. */
export const FINDING_INCLUDE = { assignee: { select: { id: true, email: true, name: true } } } satisfies Prisma.FindingInclude;

export type FindingWithAssignee = Finding & { assignee: { id: string; email: string; name: string | null } | null };

export function toFindingDto(finding: FindingWithAssignee): FindingDto {
  return {
    id: finding.id,
    projectId: finding.projectId,
    runId: finding.runId,
    fingerprint: finding.fingerprint,
    scenarioKey: finding.scenarioKey,
    scenarioVersion: finding.scenarioVersion,
    category: finding.category as RunCategory,
    severity: finding.severity.toLowerCase() as FindingSeverity,
    confidence: finding.confidence,
    riskScore: finding.riskScore === null ? null : Number(finding.riskScore),
    title: finding.title,
    summary: finding.summary,
    status: finding.status.toLowerCase() as FindingStatus,
    assignee: finding.assignee,
    triageNote: finding.triageNote,
    triagedAt: finding.triagedAt?.toISOString() ?? null,
    triagedById: finding.triagedById,
    evidenceIds: finding.evidenceIds,
    evidenceHash: finding.evidenceHash,
    remediation: finding.remediation as FindingDto["remediation"],
    mappings: finding.mappings as FindingDto["mappings"],
    createdAt: finding.createdAt.toISOString(),
    updatedAt: finding.updatedAt.toISOString(),
  };
}
