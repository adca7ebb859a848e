import { getRunReport as getRunReportOp } from "@bulwark/contracts";
import { renderReport } from "@bulwark/redteam";
import { downloadHeaders } from "@/server/http/download-headers";
import { route } from "@/server/http/route";
import { buildReportForRun } from "@/server/services/reports/build-report-for-run";

// GET /api/v1/runs/{id}/report — the run's report as Markdown, HTML, JSON, SARIF or JUnit, to download
export const GET = route(getRunReportOp, {}, async ({ ctx, params, query }) => {
  const report = renderReport(await buildReportForRun(ctx, params.id), query.format);
  return new Response(report.body, {
    status: 200,
    headers: downloadHeaders({ contentType: report.contentType, name: `bulwark-run-${params.id}.${report.fileExtension}` }),
  });
});
