import { describe, expect, it } from "vitest";
import { safeHref } from "./escape-html";
import { renderReport } from "./render-report";
import { REPORT_FORMATS } from "./run-report";
import { sampleReport } from "./testing/sample-report";

describe("renderReport", () => {
  it("renders every format with its content type and extension, deterministically", () => {
    const report = sampleReport();
    const labels = REPORT_FORMATS.map((format) => {
      const rendered = renderReport(report, format);
      expect(rendered.body).toBe(renderReport(sampleReport(), format).body);
      return [format, rendered.contentType, rendered.fileExtension];
    });
    expect(labels).toEqual([
      ["md", "text/markdown; charset=utf-8", "md"],
      ["html", "text/html; charset=utf-8", "html"],
      ["json", "application/json", "json"],
      ["sarif", "application/sarif+json", "sarif"],
      ["junit", "application/xml", "xml"],
    ]);
  });
});

describe("safeHref", () => {
  it("links http(s) only", () => {
    expect(safeHref("https://owasp.org/x?a=1")).toBe("https://owasp.org/x?a=1");
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("data:text/html,<script>")).toBeNull();
    expect(safeHref("not a url")).toBeNull();
  });
});
