import "server-only";
import { type QuotaName, type QuotaReport, type QuotaScope, type QuotaStatus, QUOTA_NAMES } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import { effectiveLimits } from "./effective-limits";
import { activeRuns, costToday, projectCount, runsStarted, storedBytesUsed } from "./measure-usage";
import { dayWindow, monthWindow } from "./quota-window";

/** Per-run limits are caps each run carries; they have no running use at the org level. */
const PER_RUN = new Set<QuotaName>(["events_per_run", "turns_per_run", "runtime_seconds_per_run", "agent_calls_per_run", "judge_tokens_per_run", "cost_micros_per_run"]);

/** Each limit in force for the caller's org, with its use, the share used and when it resets. */
export async function getQuotas(ctx: Pick<ServiceContext, "orgId">, { now = new Date() }: { now?: Date } = {}): Promise<QuotaReport> {
  const { orgId } = ctx;
  const { tier, limits } = await effectiveLimits(orgId);
  const day = dayWindow(now);
  const month = monthWindow(now);
  const busiest = await prisma.usageEvent.groupBy({ by: ["projectId"], where: { orgId, kind: "RUN", at: { gte: day.start, lt: day.end } }, _count: { _all: true } });
  const measured: Partial<Record<QuotaName, { scope: QuotaScope; used: Promise<number>; resetAt: Date | null }>> = {
    projects_per_org: { scope: "org", used: projectCount(prisma, orgId), resetAt: null },
    runs_per_project_per_day: { scope: "project", used: Promise.resolve(Math.max(0, ...busiest.map((row) => row._count._all))), resetAt: day.end },
    runs_per_org_per_day: { scope: "org", used: runsStarted(prisma, orgId, null, day.start, day.end), resetAt: day.end },
    runs_per_org_per_month: { scope: "org", used: runsStarted(prisma, orgId, null, month.start, month.end), resetAt: month.end },
    concurrent_runs: { scope: "org", used: activeRuns(prisma, orgId), resetAt: null },
    stored_bytes: { scope: "org", used: storedBytesUsed(prisma, orgId), resetAt: null },
    cost_micros_per_day: { scope: "org", used: costToday(prisma, orgId, day.start, day.end), resetAt: day.end },
  };
  const quotas: QuotaStatus[] = [];
  for (const quota of QUOTA_NAMES) {
    const limit = limits[quota];
    const entry = PER_RUN.has(quota) ? { scope: "run" as const, used: Promise.resolve(0), resetAt: null } : measured[quota]!;
    const used = await entry.used;
    quotas.push({
      quota,
      scope: entry.scope,
      limit,
      used,
      percent: limit === null ? null : limit === 0 ? 100 : Math.round((used / limit) * 10_000) / 100,
      resetAt: entry.resetAt?.toISOString() ?? null,
    });
  }
  return { tier: tier.toLowerCase() as QuotaReport["tier"], quotas };
}
