import { FRAMEWORKS } from "../scoring/framework-compliance";
import { escapeMarkdown, markdownCodeBlock } from "./escape-markdown";
import { CATEGORY_LABEL, executiveSummary, formatConfidence, formatRate, formatScore, formatTally, SEVERITY_LABEL, truncateEvidence, VARIANT_LABEL, verificationText } from "./report-text";
import { type ReportFinding, type RunReport } from "./run-report";

/**
 * The report as Markdown (for pull requests, tickets and wikis). Every piece of text that is not
 * our own wording is escaped, and evidence sits in code blocks it cannot close.
 */
export function renderMarkdown(report: RunReport): string {
  const e = escapeMarkdown;
  const lines: string[] = [
    `# Bulwark red-team report: ${e(report.project.name)}`,
    "",
    `Run ${code(report.runId)} · ${e(report.project.environment)} · ${report.status}${report.stopReason ? ` (${e(report.stopReason)})` : ""} · started ${e(report.startedAt ?? "n/a")} · finished ${e(report.finishedAt ?? "n/a")} · generated ${e(report.generatedAt)}`,
    "",
    "## Executive summary",
    "",
    executiveSummary(report).map(e).join(" "),
    "",
    "## Scope",
    "",
    `Intensity: ${report.intensity}. Categories: ${report.scope.categories.map((category) => CATEGORY_LABEL[category]).join(", ") || "none"}.`,
    "",
    table(
      ["Scenario", "Title", "Category", "Severity", "Phrasings"],
      report.scope.scenarios.map((scenario) => [`${code(scenario.key)} v${scenario.version}`, e(scenario.title), CATEGORY_LABEL[scenario.category], SEVERITY_LABEL[scenario.severity], scenario.variants.map((variant) => VARIANT_LABEL[variant]).join(", ")]),
    ),
    "",
    "## Scores",
    "",
    `**Run risk score: ${formatScore(report.scores.riskScore)} (${report.scores.band})**. Overall: ${formatTally(report.scores.overall)}, pass rate ${formatRate(report.scores.overall.passRate)}. Turns: ${report.turns.total} (${report.turns.passed} passed, ${report.turns.failed} failed, ${report.turns.inconclusive} inconclusive).`,
    "",
    table(
      ["Category", "Pass rate", "Passed", "Failed", "Inconclusive", "Not run"],
      report.scores.categories.map((row) => [CATEGORY_LABEL[row.category], formatRate(row.passRate), `${row.passed}`, `${row.failed}`, `${row.inconclusive}`, `${row.notRun}`]),
    ),
    "",
    "## Findings",
    "",
    ...(report.findings.length === 0 ? ["No findings.", ""] : report.findings.flatMap((finding, index) => renderFinding(finding, index))),
    "## Framework coverage",
    "",
    "Coverage, not certification: an id appears only when a scenario of this run maps to it.",
    "",
    ...report.scores.compliance.flatMap((framework) => [
      `### ${framework.name}: ${formatRate(framework.overall.passRate)}`,
      "",
      framework.controls.length === 0
        ? "No scenario of this run maps to this framework."
        : table(
            ["Id", "Pass rate", "Passed", "Failed", "Inconclusive"],
            framework.controls.map((control) => [code(control.id), formatRate(control.passRate), `${control.passed}`, `${control.failed}`, `${control.inconclusive}`]),
          ),
      "",
    ]),
    "## Limitations",
    "",
    ...(report.limitations.length === 0 ? ["None recorded."] : report.limitations.map((limitation) => `- ${e(limitation)}`)),
    "",
    "## Evidence chain",
    "",
    `Head hash: ${report.evidence.headHash ? code(report.evidence.headHash) : "none"}`,
    "",
    `Verification: ${e(verificationText(report.evidence))}`,
    "",
  ];
  return lines.join("\n");
}

function renderFinding(finding: ReportFinding, index: number): string[] {
  const e = escapeMarkdown;
  const mappings = FRAMEWORKS.map(({ key, name }) => (finding.mappings[key].length > 0 ? `${name}: ${finding.mappings[key].map(code).join(", ")}` : "")).filter(Boolean);
  return [
    `### ${index + 1}. ${e(finding.title)} (${SEVERITY_LABEL[finding.severity]}, risk ${formatScore(finding.riskScore)})`,
    "",
    `- Scenario: ${code(finding.scenarioKey)} v${finding.scenarioVersion}, ${CATEGORY_LABEL[finding.category]}; failed in: ${finding.variants.map((variant) => VARIANT_LABEL[variant]).join(", ")}`,
    `- Status: ${finding.status} · confidence ${formatConfidence(finding.confidence)} (${e(finding.detector)}) · fingerprint ${code(finding.fingerprint)}`,
    ...(mappings.length > 0 ? [`- Mappings: ${mappings.join("; ")}`] : []),
    "",
    e(finding.summary),
    "",
    "#### Evidence",
    "",
    ...finding.evidence.flatMap((item) => [
      `Link ${item.seq} · ${e(item.kind)}${item.turnIndex === null ? "" : ` · turn ${item.turnIndex + 1}`} · hash ${code(item.hash)}`,
      "",
      markdownCodeBlock(truncateEvidence(item.text)),
      "",
    ]),
    "#### Remediation",
    "",
    e(finding.remediation.summary),
    "",
    ...finding.remediation.steps.map((step, stepIndex) => `${stepIndex + 1}. ${e(step)}`),
    "",
    ...(finding.remediation.references.length > 0 ? [`References: ${finding.remediation.references.map(reference).join(", ")}`, ""] : []),
  ];
}

/** A code span for identifiers and hashes; text with a backtick is escaped instead. */
function code(text: string): string {
  return /[`\n\r]/.test(text) ? escapeMarkdown(text) : `\`${text}\``;
}

/** An autolink only for a plain http(s) URL; anything else is shown escaped, not linked. */
function reference(url: string): string {
  return /^https?:\/\/[^\s<>]+$/.test(url) ? `<${url}>` : escapeMarkdown(url);
}

function table(header: string[], rows: string[][]): string {
  if (rows.length === 0) return "None.";
  return [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
}
