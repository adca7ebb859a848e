import { Badge, type BadgeTone, Callout, Card, DateTime, linkStyles, PageHeader, Section, Skeleton } from "@bulwark/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { RunFindingsTable } from "@/features/findings/run-findings-table";
import { toCapturedRow } from "@/features/runs/captured-row";
import { CategoryPassRates } from "@/features/runs/category-pass-rates";
import { categoryLabel } from "@/features/runs/category-label";
import { LiveRun } from "@/features/runs/live-run";
import { ReportDownloads } from "@/features/runs/report-downloads";
import { requirePageContext } from "@/server/auth/page-session";
import { snapshotRunEvents } from "@/server/services/events/snapshot-run-events";
import { listRunFindings } from "@/server/services/findings/list-run-findings";
import { getProjectOrThrow } from "@/server/services/projects/get-project-or-throw";
import { buildReportForRun } from "@/server/services/reports/build-report-for-run";
import { getRunOrThrow } from "@/server/services/runs/get-run-or-throw";
import { toRunDto } from "@/server/services/runs/to-run-dto";
import { orNotFound } from "../../or-not-found";
import { RunComparison } from "./run-comparison";

export const metadata: Metadata = { title: "Run" };

const FINAL = new Set(["completed", "failed", "canceled", "stopped"]);
const BAND_TONE: Record<string, BadgeTone> = { critical: "critical", high: "danger", medium: "warning", low: "info", none: "success" };

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx } = await requirePageContext();
  const { id } = await params;
  const run = toRunDto(await orNotFound(getRunOrThrow(ctx, id)));
  const project = await getProjectOrThrow(ctx, run.projectId);
  const final = FINAL.has(run.status);
  // The first rows of captured egress come with the page (a screenful); the rest are paged after it.
  const { first, ...captured } = await snapshotRunEvents(ctx, run.id, { firstPage: 50 });
  const categories = run.selection.categories?.map(categoryLabel).join(", ") ?? (run.selection.scenarioKeys ? `${run.selection.scenarioKeys.length} scenarios` : "All categories");

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 flex gap-2 text-sm">
        <Link className={linkStyles} href="/projects">
          Projects
        </Link>
        <span aria-hidden="true" className="text-fg-muted">/</span>
        <Link className={linkStyles} href={`/projects/${project.id}`}>
          {project.name}
        </Link>
      </nav>
      <PageHeader
        title={`Run ${run.id}`}
        description={
          <>
            {categories} · {run.intensity} intensity · created <DateTime value={run.createdAt} />
          </>
        }
      />
      {run.error ? (
        <Callout tone="danger" title="The run failed" className="mb-6">
          {run.error}
        </Callout>
      ) : null}
      <LiveRun run={run} canCancel={ctx.scopes.includes("runs:write")} canKill={ctx.isPlatformAdmin} captured={{ ...captured, first: first.map(toCapturedRow) }} result={final ? <RunResult runId={run.id} /> : null} />
    </>
  );
}

/** The result of a finished run: the report model (scores, verified chain) and the findings. */
async function RunResult({ runId }: { runId: string }) {
  const { ctx } = await requirePageContext();
  const [report, findings] = await Promise.all([buildReportForRun(ctx, runId), listRunFindings(ctx, runId)]);
  const { scores, evidence } = report;
  return (
    <>
      <Section title="Result" description="Scores are computed from the stored run; triage since the run is taken into account.">
        <div className="grid gap-4 sm:grid-cols-3">
          <Card>
            <p className="text-sm text-fg-muted">Risk score</p>
            <p className="mt-1 flex items-center gap-3">
              <span className="text-3xl font-semibold tabular-nums">{scores.riskScore.toFixed(1)}</span>
              <span className="text-sm text-fg-muted">of 10</span>
              <Badge tone={BAND_TONE[scores.band] ?? "neutral"}>{scores.band === "none" ? "no risk found" : `${scores.band} risk`}</Badge>
            </p>
          </Card>
          <Card>
            <p className="text-sm text-fg-muted">Scenarios passed</p>
            <p className="mt-1 text-3xl font-semibold tabular-nums">
              {scores.overall.passRate === null ? "n/a" : `${Math.round(scores.overall.passRate * 100)}%`}
            </p>
            <p className="text-xs text-fg-muted">
              {scores.overall.passed} passed, {scores.overall.failed} failed, {scores.overall.inconclusive} inconclusive
              {scores.overall.notRun > 0 ? `, ${scores.overall.notRun} not run` : ""}
            </p>
          </Card>
          <Card>
            <p className="text-sm text-fg-muted">Evidence chain</p>
            <p className="mt-1">{evidence.verification.ok ? <Badge tone="success">verified</Badge> : <Badge tone="danger">broken at link {evidence.verification.firstMismatch.seq}</Badge>}</p>
            <p className="mt-2 text-xs text-fg-muted">
              Head hash: <code className="break-all font-mono">{evidence.headHash ?? "none"}</code>
            </p>
          </Card>
        </div>
        {report.limitations.length > 0 ? (
          <Callout tone="warning" title="Limitations" className="mt-4">
            <ul className="list-disc pl-5">
              {report.limitations.map((limitation) => (
                <li key={limitation}>{limitation}</li>
              ))}
            </ul>
          </Callout>
        ) : null}
      </Section>
      <Section title="Pass rate per category">
        {scores.categories.length === 0 ? <p className="text-sm text-fg-muted">No scenario was judged.</p> : <CategoryPassRates categories={scores.categories} />}
      </Section>
      <Section title="Findings" description="Most severe first. Open a finding's proof to see the evidence it cites.">
        <RunFindingsTable findings={findings.data} headHash={evidence.headHash} canTriage={ctx.scopes.includes("findings:write")} />
      </Section>
      <Section title="Compared with the previous run" description="Findings matched by scenario version across the project's runs, as triaged now.">
        <Suspense fallback={<Skeleton className="h-72 w-full" />}>
          <RunComparison ctx={ctx} runId={runId} />
        </Suspense>
      </Section>
      <Section title="Reports" description="Built from the stored run with the evidence chain verified afresh.">
        <ReportDownloads runId={runId} />
      </Section>
    </>
  );
}
