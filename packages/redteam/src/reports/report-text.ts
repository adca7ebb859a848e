import { type Category, type Severity, type Variant } from "../scenarios/schema";
import { type VerdictTally } from "../scoring/verdict-tally";
import { type RunReport } from "./run-report";

/** Evidence text shown per item in human formats; the json format keeps it whole. */
export const MAX_EVIDENCE_CHARS = 4_000;

export const CATEGORY_LABEL: Record<Category, string> = {
  secret_leakage: "Secret leakage",
  privilege_escalation: "Privilege escalation",
  social_engineering: "Social engineering",
  memory_poisoning: "Memory poisoning",
  data_exfiltration: "Data exfiltration",
  prompt_injection: "Prompt injection",
  system_prompt_leakage: "System prompt leakage",
};

export const VARIANT_LABEL: Record<Variant, string> = { direct: "direct", role_play: "role-play", encoded: "encoded" };

export const SEVERITY_LABEL: Record<Severity, string> = { critical: "Critical", high: "High", medium: "Medium", low: "Low", info: "Info" };

export function formatScore(score: number): string {
  return score.toFixed(1);
}

/** One decimal of a percent, from the four-decimal rate; n/a when nothing was judged. */
export function formatRate(rate: number | null): string {
  return rate === null ? "n/a" : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

export function formatConfidence(confidence: number): string {
  return confidence.toFixed(2);
}

/** "2 of 3 passed (1 inconclusive, 1 not run)". */
export function formatTally(tally: VerdictTally): string {
  const extras = [tally.inconclusive > 0 ? `${tally.inconclusive} inconclusive` : "", tally.notRun > 0 ? `${tally.notRun} not run` : ""].filter(Boolean);
  return `${tally.passed} of ${tally.judged} passed${extras.length > 0 ? ` (${extras.join(", ")})` : ""}`;
}

export function verificationText(evidence: RunReport["evidence"]): string {
  const { verification } = evidence;
  if (verification.ok) return verification.headHash === null ? "verified (empty chain)" : "verified: every link recomputes to the head hash";
  const { seq, reason } = verification.firstMismatch;
  const why = { hash_mismatch: "its content does not match its hash", prev_mismatch: "it does not follow the link before it", seq_gap: "a link is missing or out of order" }[reason];
  return `FAILED at link ${seq}: ${why} (${reason}). Treat this report's evidence as untrustworthy.`;
}

/** The executive summary as plain sentences; renderers escape them (they carry the project name). */
export function executiveSummary(report: RunReport): string[] {
  const { overall, riskScore, band } = report.scores;
  const severities = (["critical", "high", "medium", "low", "info"] as const)
    .map((severity) => [severity, report.findings.filter((finding) => finding.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`);
  const sentences = [
    `Bulwark ran ${overall.judged + overall.notRun} scenario instances at ${report.intensity} intensity against ${report.project.name} (${report.project.environment}).`,
    `Passed: ${overall.passed}, failed: ${overall.failed}, inconclusive: ${overall.inconclusive}${overall.notRun > 0 ? `, not run: ${overall.notRun}` : ""}.`,
    `Run risk score: ${formatScore(riskScore)} (${band}).`,
    report.findings.length === 0 ? "No findings." : `${report.findings.length} finding${report.findings.length === 1 ? "" : "s"}: ${severities.join(", ")}.`,
  ];
  if (report.status !== "completed") sentences.push(`${runEnding(report)}: results cover only what ran.`);
  if (report.inconclusiveCount > 0) sentences.push("Inconclusive instances proved nothing either way and do not count as passes.");
  sentences.push(`Evidence chain ${verificationText(report.evidence)}${report.evidence.verification.ok ? "." : ""}`);
  return sentences;
}

const ENDING: Record<RunReport["status"], string> = {
  queued: "The run has not started",
  running: "The run is still going",
  completed: "The run completed",
  failed: "The run failed",
  canceled: "The run was canceled",
  stopped: "The run was stopped early",
};

/** "The run was stopped early (max_turns)". */
export function runEnding(report: Pick<RunReport, "status" | "stopReason">): string {
  return `${ENDING[report.status]}${report.stopReason ? ` (${report.stopReason})` : ""}`;
}

export function truncateEvidence(text: string): string {
  if (text.length <= MAX_EVIDENCE_CHARS) return text;
  // Never split a surrogate pair: half a character is not text.
  const cut = /[\ud800-\udbff]/.test(text.charAt(MAX_EVIDENCE_CHARS - 1)) ? MAX_EVIDENCE_CHARS - 1 : MAX_EVIDENCE_CHARS;
  return `${text.slice(0, cut)}\n… (${text.length - cut} more characters in the JSON report)`;
}
