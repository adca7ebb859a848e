import { type Severity } from "../scenarios/schema";
import { SEVERITY_BASE_TENTHS } from "../scoring/finding-risk-score";
import { safeHref } from "./escape-html";
import { escapeMarkdown } from "./escape-markdown";
import { type Remediation, type ReportFinding, type ReportScenario, type RunReport } from "./run-report";

/** The OASIS URI of the SARIF 2.1.0 schema (errata 01), which validators and code-scanning tools recognise. */
export const SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { critical: "error", high: "error", medium: "warning", low: "note", info: "note" };

type Rule = Pick<ReportScenario, "key" | "title" | "description" | "category" | "severity" | "mappings" | "remediation">;

/**
 * The report as SARIF 2.1.0, for code-scanning dashboards: one rule per scenario (help text is
 * its remediation), one result per finding with a stable partial fingerprint (so a dashboard
 * follows the same weakness across runs), and the evidence head hash on the run. Findings
 * triaged as false positives or accepted risks are carried as externally suppressed results.
 */
export function renderSarif(report: RunReport): string {
  const rules = rulesOf(report);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.key, index]));
  const invocation = {
    executionSuccessful: report.status === "completed",
    ...(report.startedAt ? { startTimeUtc: report.startedAt } : {}),
    ...(report.finishedAt ? { endTimeUtc: report.finishedAt } : {}),
    ...(report.stopReason ? { properties: { stopReason: report.stopReason } } : {}),
  };
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "Bulwark", rules: rules.map(ruleOf) } },
        automationDetails: { id: `bulwark/${report.project.name}/${report.runId}` },
        invocations: [invocation],
        results: report.findings.map((finding) => resultOf(finding, ruleIndex.get(finding.scenarioKey)!, report)),
        properties: {
          runId: report.runId,
          project: report.project.name,
          environment: report.project.environment,
          intensity: report.intensity,
          status: report.status,
          riskScore: report.scores.riskScore,
          riskBand: report.scores.band,
          passRate: report.scores.overall.passRate,
          inconclusive: report.inconclusiveCount,
          evidenceHeadHash: report.evidence.headHash,
          evidenceChain: report.evidence.verification,
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** Every scenario in scope, plus any finding's scenario missing from it (so every result has a rule). */
function rulesOf(report: RunReport): Rule[] {
  const rules = new Map<string, Rule>(report.scope.scenarios.map((scenario) => [scenario.key, scenario]));
  for (const finding of report.findings) {
    if (!rules.has(finding.scenarioKey)) rules.set(finding.scenarioKey, { ...finding, key: finding.scenarioKey, description: finding.summary });
  }
  return [...rules.values()];
}

function ruleOf(rule: Rule) {
  const helpUri = rule.remediation.references.map(safeHref).find((href) => href !== null);
  return {
    id: rule.key,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: { text: helpText(rule.remediation), markdown: helpMarkdown(rule.remediation) },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      category: rule.category,
      severity: rule.severity,
      // GitHub code scanning ranks security results by this CVSS-like string.
      "security-severity": (SEVERITY_BASE_TENTHS[rule.severity] / 10).toFixed(1),
      tags: ["security", rule.category, ...rule.mappings.owaspLlm, ...rule.mappings.owaspAgentic, ...rule.mappings.atlas],
      mappings: rule.mappings,
    },
  };
}

function resultOf(finding: ReportFinding, ruleIndex: number, report: RunReport) {
  const suppressed = finding.status === "false_positive" || finding.status === "accepted_risk";
  return {
    ruleId: finding.scenarioKey,
    ruleIndex,
    kind: "fail",
    level: LEVEL[finding.severity],
    message: { text: `${finding.title}: ${finding.summary}` },
    locations: [{ logicalLocations: [{ name: finding.scenarioKey, fullyQualifiedName: `${report.project.name}/${finding.scenarioKey}`, kind: "resource" }] }],
    partialFingerprints: { "bulwarkFinding/v1": finding.fingerprint },
    ...(suppressed ? { suppressions: [{ kind: "external", status: "accepted", justification: `Triaged in Bulwark as ${finding.status.replace("_", " ")}.` }] } : {}),
    properties: {
      fingerprint: finding.fingerprint,
      confidence: finding.confidence,
      riskScore: finding.riskScore,
      severity: finding.severity,
      status: finding.status,
      detector: finding.detector,
      variants: finding.variants,
      mappings: finding.mappings,
      evidence: finding.evidence.map((item) => ({ seq: item.seq, kind: item.kind, hash: item.hash })),
    },
  };
}

function helpText(remediation: Remediation): string {
  const steps = remediation.steps.map((step, index) => `${index + 1}. ${step}`).join("\n");
  const references = remediation.references.length > 0 ? `\n\nReferences:\n${remediation.references.join("\n")}` : "";
  return `${remediation.summary}\n\n${steps}${references}`;
}

function helpMarkdown(remediation: Remediation): string {
  const md = escapeMarkdown;
  const steps = remediation.steps.map((step, index) => `${index + 1}. ${md(step)}`).join("\n");
  const references = remediation.references.map((url) => (safeHref(url) ? `- <${safeHref(url)}>` : `- ${md(url)}`)).join("\n");
  return `${md(remediation.summary)}\n\n${steps}${references ? `\n\n**References**\n\n${references}` : ""}`;
}
