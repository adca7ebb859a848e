import { EmptyState, PageHeader, Section } from "@bulwark/ui";
import type { Metadata } from "next";
import { QuotaGauges } from "@/features/usage/quota-gauges";
import { UsageCharts, type UsageRow } from "@/features/usage/usage-charts";
import { requirePageContext } from "@/server/auth/page-session";
import { listProjects } from "@/server/services/projects/list-projects";
import { getQuotas } from "@/server/services/quotas/get-quotas";
import { getUsageHistory } from "@/server/services/usage/get-usage-history";

export const metadata: Metadata = { title: "Usage & quotas" };

const DESCRIPTION = "What this organization used over the last 30 days, and how close it is to each limit.";

export default async function UsagePage() {
  const { ctx } = await requirePageContext();
  if (!ctx.scopes.includes("usage:read")) {
    return (
      <>
        <PageHeader title="Usage & quotas" description={DESCRIPTION} />
        <EmptyState title="Usage is not available to your role" description={`Your role (${ctx.role}) cannot read usage. Ask an owner or admin of this organization.`} />
      </>
    );
  }
  const [byDay, byProject, quotas, projects] = await Promise.all([
    getUsageHistory(ctx, { groupBy: "day" }),
    getUsageHistory(ctx, { groupBy: "project" }),
    getQuotas(ctx),
    listProjects(ctx, { limit: 100 }),
  ]);
  const names = new Map(projects.data.map((project) => [project.id, project.name]));
  const row = (label: string, totals: Omit<UsageRow, "label">): UsageRow => ({ label, runs: totals.runs, turns: totals.turns, agentCalls: totals.agentCalls, events: totals.events, costMicros: totals.costMicros });
  return (
    <>
      <PageHeader title="Usage & quotas" description={DESCRIPTION} />
      <Section title="Usage" description={`${byDay.from} to ${byDay.to} (UTC): ${byDay.totals.runs} runs, ${byDay.totals.turns} turns, ${byDay.totals.events} egress events.`}>
        {byDay.rows.length === 0 ? (
          <EmptyState title="No usage in the last 30 days" description="Runs and captured egress are counted here as they happen." />
        ) : (
          <UsageCharts
            byDay={byDay.rows.map((entry) => row(entry.day!, entry))}
            // A deleted project's usage stays counted; it has no name any more.
            byProject={byProject.rows.map((entry) => row(entry.projectId ? (names.get(entry.projectId) ?? "Deleted project") : "Organization", entry))}
          />
        )}
      </Section>
      <Section title="Quotas" description={`Limits of the ${quotas.tier.toLowerCase()} tier, with this organization's overrides.`}>
        <QuotaGauges quotas={quotas.quotas} />
      </Section>
    </>
  );
}
