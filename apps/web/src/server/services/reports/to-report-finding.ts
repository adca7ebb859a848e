import type { EvidenceItem, Finding } from "@bulwark/db";
import {
  type Category,
  type FindingStatus,
  type FrameworkMappings,
  type Remediation,
  type ReportEvidenceItem,
  type ReportFinding,
  type Scenario,
  type ScenarioInstanceResult,
  type Severity,
  VARIANTS,
  type Variant,
} from "@bulwark/redteam";

export type ChainLink = Pick<EvidenceItem, "id" | "seq" | "kind" | "turnId" | "payload" | "hash">;

const NO_MAPPINGS: FrameworkMappings = { owaspLlm: [], owaspAgentic: [], atlas: [] };

/**
 * A stored finding as the report shows it: its evidence links in chain order (redacted when the
 * worker stored them; every renderer escapes them), the phrasings that failed, and the
 * remediation and mappings it was raised with (the scenario's, if the row has none).
 */
export function toReportFinding(
  row: Finding,
  context: { links: ReadonlyMap<string, ChainLink>; turnIndexes: ReadonlyMap<string, number>; instances: readonly ScenarioInstanceResult[]; scenario: Scenario | undefined },
): ReportFinding {
  const links = [...new Set(row.evidenceIds)].flatMap((id) => context.links.get(id) ?? []).sort((a, b) => a.seq - b.seq);
  const failed = context.instances.filter((i) => i.scenarioKey === row.scenarioKey && i.scenarioVersion === row.scenarioVersion && i.verdict === "fail");
  const recorded = links.filter((link) => link.kind === "FINDING").map((link) => link.payload as { variant?: Variant; detector?: string; confidence?: number });
  const variants = new Set<Variant>(failed.length > 0 ? failed.map((i) => i.variant) : recorded.flatMap((payload) => payload.variant ?? []));
  const surest = [...failed].sort((a, b) => (b.confidence ?? 0) - (a.confidence ?? 0))[0];
  return {
    fingerprint: row.fingerprint,
    scenarioKey: row.scenarioKey,
    scenarioVersion: row.scenarioVersion,
    category: row.category as Category,
    severity: row.severity.toLowerCase() as Severity,
    detector: surest?.detector ?? recorded.at(-1)?.detector ?? "unknown",
    confidence: row.confidence,
    riskScore: Number(row.riskScore ?? 0),
    title: row.title,
    summary: row.summary,
    status: row.status.toLowerCase() as FindingStatus,
    variants: VARIANTS.filter((variant) => variants.has(variant)),
    remediation: (row.remediation as Remediation | null) ?? context.scenario?.remediation ?? { summary: "No remediation recorded.", steps: [], references: [] },
    mappings: (row.mappings as FrameworkMappings | null) ?? context.scenario?.mappings ?? NO_MAPPINGS,
    evidence: links.map((link): ReportEvidenceItem => ({
      seq: link.seq,
      kind: link.kind,
      turnIndex: link.turnId === null ? null : (context.turnIndexes.get(link.turnId) ?? null),
      text: evidenceText(link),
      hash: link.hash,
    })),
  };
}

/** What the agent was sent or said, as text; every other link as its stored JSON. */
function evidenceText(link: ChainLink): string {
  const text = (link.payload as { text?: unknown } | null)?.text;
  if ((link.kind === "MESSAGE" || link.kind === "REPLY") && typeof text === "string") return text;
  return JSON.stringify(link.payload);
}
