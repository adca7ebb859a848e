// Reports: one model of a run, rendered as Markdown, HTML, JSON, SARIF 2.1.0 or JUnit XML. Pure.
export { buildRunReport, type RunReportFacts } from "./build-run-report";
export { renderReport, type RenderedReport } from "./render-report";
export { renderMarkdown } from "./render-markdown";
export { renderHtml } from "./render-html";
export { renderJson } from "./render-json";
export { renderSarif, SARIF_SCHEMA_URI } from "./render-sarif";
export { renderJunit } from "./render-junit";
export {
  REPORT_FORMATS,
  type Remediation,
  type ReportEvidenceItem,
  type ReportFinding,
  type ReportFormat,
  type ReportScenario,
  type RunReport,
  type RunStatus,
} from "./run-report";
