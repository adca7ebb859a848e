import { renderHtml } from "./render-html";
import { renderJson } from "./render-json";
import { renderJunit } from "./render-junit";
import { renderMarkdown } from "./render-markdown";
import { renderSarif } from "./render-sarif";
import { type ReportFormat, type RunReport } from "./run-report";

export interface RenderedReport {
  format: ReportFormat;
  contentType: string;
  fileExtension: string;
  body: string;
}

const FORMATS: Record<ReportFormat, { render: (report: RunReport) => string; contentType: string; fileExtension: string }> = {
  md: { render: renderMarkdown, contentType: "text/markdown; charset=utf-8", fileExtension: "md" },
  html: { render: renderHtml, contentType: "text/html; charset=utf-8", fileExtension: "html" },
  json: { render: renderJson, contentType: "application/json", fileExtension: "json" },
  sarif: { render: renderSarif, contentType: "application/sarif+json", fileExtension: "sarif" },
  junit: { render: renderJunit, contentType: "application/xml", fileExtension: "xml" },
};

/** One report in one format, with what a download or an archive needs to label it. */
export function renderReport(report: RunReport, format: ReportFormat): RenderedReport {
  const { render, contentType, fileExtension } = FORMATS[format];
  return { format, contentType, fileExtension, body: render(report) };
}
