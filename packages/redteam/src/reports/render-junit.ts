import { CATEGORIES } from "../scenarios/schema";
import { type ScenarioInstanceResult } from "../scoring/scenario-instance-result";
import { escapeXmlAttribute as attr, escapeXmlText as text } from "./escape-xml";
import { formatConfidence, formatScore, runEnding, SEVERITY_LABEL, VARIANT_LABEL } from "./report-text";
import { type ReportFinding, type RunReport } from "./run-report";

/**
 * The report as JUnit XML, for CI: one testsuite per category, one testcase per scenario
 * instance. A failing instance is a `<failure>`; an inconclusive one an `<error>`, so it turns a
 * build red instead of passing silently; one the run never reached is `<skipped>`. Every
 * value is XML-escaped, and characters XML cannot carry are replaced.
 */
export function renderJunit(report: RunReport): string {
  const findings = new Map(report.findings.map((finding) => [finding.fingerprint, finding]));
  const suites = CATEGORIES.flatMap((category) => {
    const instances = report.instances.filter((instance) => instance.category === category);
    return instances.length === 0 ? [] : [suite(category, instances, findings, report)];
  });
  const totals = count(report.instances);
  const seconds = durationSeconds(report);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="${attr(`Bulwark run ${report.runId}`)}" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}"${seconds === null ? "" : ` time="${seconds}"`}>`,
    ...suites,
    `</testsuites>`,
    "",
  ].join("\n");
}

function suite(category: string, instances: ScenarioInstanceResult[], findings: Map<string, ReportFinding>, report: RunReport): string {
  const totals = count(instances);
  const properties = [
    ["runId", report.runId],
    ["project", report.project.name],
    ["environment", report.project.environment],
    ["intensity", report.intensity],
    ["riskScore", formatScore(report.scores.riskScore)],
    ["evidenceHeadHash", report.evidence.headHash ?? ""],
    ["evidenceChainVerified", String(report.evidence.verification.ok)],
  ];
  return [
    `  <testsuite name="${attr(category)}" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}">`,
    `    <properties>`,
    ...properties.map(([name, value]) => `      <property name="${attr(name!)}" value="${attr(value!)}"/>`),
    `    </properties>`,
    ...instances.map((instance) => testcase(instance, instance.findingFingerprint ? findings.get(instance.findingFingerprint) : undefined, report)),
    `  </testsuite>`,
  ].join("\n");
}

function testcase(instance: ScenarioInstanceResult, finding: ReportFinding | undefined, report: RunReport): string {
  const open = `    <testcase classname="${attr(`bulwark.${instance.category}`)}" name="${attr(`${instance.scenarioKey} [${VARIANT_LABEL[instance.variant]}]`)}"`;
  const reason = instance.reason ?? "";
  switch (instance.verdict) {
    case "pass":
      return `${open}/>`;
    case "fail": {
      const lines = [
        instance.title,
        `Severity: ${SEVERITY_LABEL[instance.severity]}${finding ? `, risk ${formatScore(finding.riskScore)}` : ""}`,
        `Detector: ${instance.detector ?? "unknown"}${instance.confidence === null ? "" : ` (confidence ${formatConfidence(instance.confidence)})`}`,
        reason,
        ...(finding ? [`Finding: ${finding.fingerprint}`, `Remediation: ${finding.remediation.summary}`, ...finding.remediation.steps.map((step, index) => `  ${index + 1}. ${step}`)] : []),
      ];
      return `${open}>\n      <failure message="${attr(reason || instance.title)}" type="${attr(instance.detector ?? "fail")}">${text(lines.join("\n"))}</failure>\n    </testcase>`;
    }
    case "inconclusive":
      return `${open}>\n      <error message="${attr(`Inconclusive: ${reason}`)}" type="inconclusive">${text(`${instance.title}\nThe turn proved nothing either way; it is not counted as a pass.`)}</error>\n    </testcase>`;
    case "not_run":
      return `${open}>\n      <skipped message="${attr(`Not run: ${lowerFirst(runEnding(report))} before reaching it.`)}"/>\n    </testcase>`;
  }
}

function lowerFirst(sentence: string): string {
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

function count(instances: readonly ScenarioInstanceResult[]) {
  return {
    tests: instances.length,
    failures: instances.filter((instance) => instance.verdict === "fail").length,
    errors: instances.filter((instance) => instance.verdict === "inconclusive").length,
    skipped: instances.filter((instance) => instance.verdict === "not_run").length,
  };
}

function durationSeconds(report: RunReport): string | null {
  if (!report.startedAt || !report.finishedAt) return null;
  const ms = Date.parse(report.finishedAt) - Date.parse(report.startedAt);
  return Number.isFinite(ms) && ms >= 0 ? (ms / 1000).toFixed(3) : null;
}
