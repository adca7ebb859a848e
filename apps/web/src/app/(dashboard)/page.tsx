import { Card, DateTime, EmptyState, linkStyles, PageHeader, Section, Skeleton, StatusBadge, Table, TBody, Td, Th, THead } from "@bulwark/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { AttentionList } from "@/features/overview/attention-list";
import { OpenFindingsBySeverity } from "@/features/overview/open-findings-by-severity";
import { RiskTrendChart } from "@/features/overview/risk-trend-chart";
import { requirePageContext } from "@/server/auth/page-session";
import type { ServiceContext } from "@/server/auth/principal";
import { getCurrentOrganization } from "@/server/services/organizations/get-current-organization";
import { countOpenFindings } from "@/server/services/overview/count-open-findings";
import { listProjectsNeedingAttention } from "@/server/services/overview/list-projects-needing-attention";
import { listRecentRuns } from "@/server/services/overview/list-recent-runs";
import { listRiskTrend } from "@/server/services/overview/list-risk-trend";
import { listProjects } from "@/server/services/projects/list-projects";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const { ctx } = await requirePageContext();
  const org = await getCurrentOrganization(ctx);
  return (
    <>
      <PageHeader title={org.name} description={`You are ${/^[aeiou]/.test(ctx.role) ? "an" : "a"} ${ctx.role} of this organization (${org.tier.toLowerCase()} tier).`} />
      <Suspense fallback={<OverviewSkeleton />}>
        <OverviewInsights ctx={ctx} />
      </Suspense>
    </>
  );
}

/** The same blocks at the heights the loaded ones take, so nothing moves when they arrive. */
function OverviewSkeleton() {
  return (
    <div role="status">
      <span className="sr-only">Loading the overview…</span>
      <div className="mb-10 grid gap-4 md:grid-cols-3">
        {[0, 1, 2].map((index) => (
          <Skeleton key={index} className="h-28" />
        ))}
      </div>
      <div className="mb-10 grid gap-x-8 xl:grid-cols-[2fr_1fr]">
        <Skeleton className="h-96" />
        <Skeleton className="h-64" />
      </div>
      <Skeleton className="h-48" />
    </div>
  );
}

async function OverviewInsights({ ctx }: { ctx: ServiceContext }) {
  const [projects, trend, openFindings, attention, recentRuns] = await Promise.all([
    listProjects(ctx, { limit: 100 }),
    listRiskTrend(ctx),
    countOpenFindings(ctx),
    listProjectsNeedingAttention(ctx),
    listRecentRuns(ctx),
  ]);
  const openTotal = Object.values(openFindings).reduce((sum, count) => sum + count, 0);
  return (
    <>
      <div className="mb-10 grid gap-4 md:grid-cols-3">
        <Card>
          <p className="text-sm text-fg-muted">Projects</p>
          <p className="mt-1 text-3xl font-semibold">{projects.data.length}</p>
          <Link className="mt-2 inline-block text-sm text-brand-700 underline" href="/projects">
            Open projects
          </Link>
        </Card>
        <Card>
          <p className="text-sm text-fg-muted">Open findings</p>
          <p className="mt-1 text-3xl font-semibold tabular-nums">{openTotal}</p>
          <p className="text-xs text-fg-muted">In each project&apos;s latest completed run, not yet triaged away.</p>
        </Card>
        <Card>
          <p className="text-sm text-fg-muted">Projects needing attention</p>
          <p className="mt-1 text-3xl font-semibold tabular-nums">{attention.length}</p>
        </Card>
      </div>
      <div className="grid gap-x-8 xl:grid-cols-[2fr_1fr]">
        <Section title="Risk score trend" description="0–10 per completed run, as scored when it finished; dashed lines mark the high (7) and critical (9) bands.">
          <Card>
            {trend.length === 0 ? <EmptyState title="No completed runs yet" description="The trend starts with a project's first completed run." /> : <RiskTrendChart points={trend} />}
          </Card>
        </Section>
        <Section title="Open findings by severity" description="Open or confirmed, in each project's latest completed run.">
          <Card>
            <OpenFindingsBySeverity counts={openFindings} />
            <Link className={`${linkStyles} mt-4 inline-block text-sm`} href="/findings">
              All findings
            </Link>
          </Card>
        </Section>
      </div>
      <Section title="Projects needing attention">
        <AttentionList projects={attention} />
      </Section>
      <Section title="Recent runs" description="Newest first, across projects.">
        {recentRuns.length === 0 ? (
          <EmptyState title="No runs yet" description="Start a run from a project's page." />
        ) : (
          <Table>
            <caption className="sr-only">Recent runs</caption>
            <THead>
              <tr>
                <Th>Run</Th>
                <Th>Project</Th>
                <Th>Status</Th>
                <Th>Risk score</Th>
                <Th>Created</Th>
              </tr>
            </THead>
            <TBody>
              {recentRuns.map((run) => (
                <tr key={run.id}>
                  <Td>
                    <Link className={`${linkStyles} font-mono text-xs`} href={`/runs/${run.id}`}>
                      {run.id}
                    </Link>
                  </Td>
                  <Td>{run.projectName}</Td>
                  <Td>
                    <StatusBadge status={run.status} />
                  </Td>
                  <Td className="tabular-nums">{run.riskScore === null ? <span className="text-fg-muted">—</span> : run.riskScore.toFixed(1)}</Td>
                  <Td>
                    <DateTime value={run.createdAt} stacked />
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Section>
    </>
  );
}
