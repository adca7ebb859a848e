import { type Severity } from "../scenarios/schema";
import { FRAMEWORKS } from "../scoring/framework-compliance";
import { escapeHtml as x, safeHref } from "./escape-html";
import { HTML_STYLES } from "./html-styles";
import { CATEGORY_LABEL, executiveSummary, formatConfidence, formatRate, formatScore, formatTally, SEVERITY_LABEL, truncateEvidence, VARIANT_LABEL, verificationText } from "./report-text";
import { type ReportFinding, type RunReport } from "./run-report";

/**
 * The report as one self-contained HTML document. Everything not of our own wording goes
 * through `escapeHtml` (replies, tool calls, summaries and titles can all be attacker-shaped),
 * and the document's CSP forbids scripts and every fetch, so a missed escape still runs nothing.
 */
export function renderHtml(report: RunReport): string {
  const title = `Bulwark red-team report: ${report.project.name}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>${x(title)}</title>
<style>${HTML_STYLES}</style>
</head>
<body>
<main>
<h1>${x(title)}</h1>
<p class="meta">Run <code>${x(report.runId)}</code> · ${x(report.project.environment)} · ${x(report.status)}${report.stopReason ? ` (${x(report.stopReason)})` : ""} · started ${x(report.startedAt ?? "n/a")} · finished ${x(report.finishedAt ?? "n/a")} · generated ${x(report.generatedAt)}</p>
${section("Executive summary", `<p>${executiveSummary(report).map(x).join(" ")}</p>`)}
${section("Scope", scope(report))}
${section("Scores", scores(report))}
${section("Findings", report.findings.length === 0 ? "<p>No findings.</p>" : report.findings.map(finding).join("\n"))}
${section("Framework coverage", coverage(report))}
${section("Limitations", report.limitations.length === 0 ? "<p>None recorded.</p>" : `<ul>${report.limitations.map((item) => `<li>${x(item)}</li>`).join("")}</ul>`)}
${section("Evidence chain", chain(report))}
</main>
</body>
</html>
`;
}

function section(heading: string, body: string): string {
  return `<section>\n<h2>${x(heading)}</h2>\n${body}\n</section>`;
}

function band(label: string, level: Severity | RunReport["scores"]["band"]): string {
  return `<span class="band band-${x(level)}">${x(label)}</span>`;
}

function table(header: string[], rows: string[][]): string {
  if (rows.length === 0) return "<p>None.</p>";
  const head = header.map((cell) => `<th>${x(cell)}</th>`).join("");
  // Cells arrive escaped (or built from escaped parts): some carry <code>.
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join("")}</tr>`).join("")}</tbody></table>`;
}

function scope(report: RunReport): string {
  const categories = report.scope.categories.map((category) => CATEGORY_LABEL[category]).join(", ") || "none";
  return `<p>Intensity: ${x(report.intensity)}. Categories: ${x(categories)}.</p>
${table(
  ["Scenario", "Title", "Category", "Severity", "Phrasings"],
  report.scope.scenarios.map((scenario) => [
    `<code>${x(scenario.key)}</code> v${scenario.version}`,
    x(scenario.title),
    x(CATEGORY_LABEL[scenario.category]),
    x(SEVERITY_LABEL[scenario.severity]),
    x(scenario.variants.map((variant) => VARIANT_LABEL[variant]).join(", ")),
  ]),
)}`;
}

function scores(report: RunReport): string {
  const { riskScore, band: runBand, overall, categories } = report.scores;
  return `<p><span class="score">${formatScore(riskScore)}</span> ${band(runBand, runBand)} run risk score (0–10)</p>
<p>Overall: ${x(formatTally(overall))}, pass rate ${x(formatRate(overall.passRate))}. Turns: ${report.turns.total} (${report.turns.passed} passed, ${report.turns.failed} failed, ${report.turns.inconclusive} inconclusive).</p>
${table(
  ["Category", "Pass rate", "Passed", "Failed", "Inconclusive", "Not run"],
  categories.map((row) => [x(CATEGORY_LABEL[row.category]), x(formatRate(row.passRate)), `${row.passed}`, `${row.failed}`, `${row.inconclusive}`, `${row.notRun}`]),
)}`;
}

function finding(item: ReportFinding, index: number): string {
  const mappings = FRAMEWORKS.filter(({ key }) => item.mappings[key].length > 0)
    .map(({ key, name }) => `${x(name)}: ${item.mappings[key].map((id) => `<code>${x(id)}</code>`).join(", ")}`)
    .join("; ");
  const evidence = item.evidence
    .map(
      (link) => `<p class="meta">Link ${link.seq} · ${x(link.kind)}${link.turnIndex === null ? "" : ` · turn ${link.turnIndex + 1}`} · hash <code>${x(link.hash)}</code></p>
<pre><code>${x(truncateEvidence(link.text))}</code></pre>`,
    )
    .join("\n");
  const references = item.remediation.references.map((url) => {
    const href = safeHref(url);
    return href ? `<li><a href="${x(href)}" rel="noopener noreferrer">${x(url)}</a></li>` : `<li>${x(url)}</li>`;
  });
  return `<article class="finding">
<h3>${index + 1}. ${x(item.title)} ${band(`${SEVERITY_LABEL[item.severity]} · risk ${formatScore(item.riskScore)}`, item.severity)}</h3>
<p class="meta">Scenario <code>${x(item.scenarioKey)}</code> v${item.scenarioVersion}, ${x(CATEGORY_LABEL[item.category])}; failed in: ${x(item.variants.map((variant) => VARIANT_LABEL[variant]).join(", "))}<br>
Status: ${x(item.status)} · confidence ${formatConfidence(item.confidence)} (${x(item.detector)}) · fingerprint <code>${x(item.fingerprint)}</code>${mappings ? `<br>Mappings: ${mappings}` : ""}</p>
<p>${x(item.summary)}</p>
<h4>Evidence</h4>
${evidence || "<p>No evidence links.</p>"}
<h4>Remediation</h4>
<p>${x(item.remediation.summary)}</p>
<ol>${item.remediation.steps.map((step) => `<li>${x(step)}</li>`).join("")}</ol>
${references.length > 0 ? `<p>References:</p><ul>${references.join("")}</ul>` : ""}
</article>`;
}

function coverage(report: RunReport): string {
  const frameworks = report.scores.compliance.map(
    (framework) => `<h3>${x(framework.name)}: ${x(formatRate(framework.overall.passRate))}</h3>
${
  framework.controls.length === 0
    ? "<p>No scenario of this run maps to this framework.</p>"
    : table(
        ["Id", "Pass rate", "Passed", "Failed", "Inconclusive"],
        framework.controls.map((control) => [`<code>${x(control.id)}</code>`, x(formatRate(control.passRate)), `${control.passed}`, `${control.failed}`, `${control.inconclusive}`]),
      )
}`,
  );
  return `<p>Coverage, not certification: an id appears only when a scenario of this run maps to it.</p>\n${frameworks.join("\n")}`;
}

function chain(report: RunReport): string {
  const ok = report.evidence.verification.ok;
  return `<p>Head hash: ${report.evidence.headHash ? `<code>${x(report.evidence.headHash)}</code>` : "none"}</p>
<p class="${ok ? "chain-ok" : "chain-failed"}">Verification: ${x(verificationText(report.evidence))}</p>`;
}
