import "server-only";
import type { UserContext } from "@/server/auth/principal";
import { getPlatformSnapshot } from "@/server/metrics/platform-snapshot";
import { assertPlatformAdmin } from "./assert-platform-admin";

export interface MetricsSummary {
  queuedRuns: number;
  runningRuns: number;
  busyWorkers: number;
  staleRuns: number;
  oldestQueuedRunAgeSeconds: number;
  /** Ready jobs over every pg-boss queue. */
  queueDepth: number;
  /** Turns of the runs created in the last 24 hours. */
  recentTurns: { pass: number; fail: number; inconclusive: number; pending: number };
  openFindings: { critical: number; high: number; medium: number; low: number; info: number };
  collectedAt: string;
}

/** The installation's key figures for the admin page: the same snapshot Prometheus scrapes. */
export async function getMetricsSummary(ctx: UserContext): Promise<MetricsSummary> {
  assertPlatformAdmin(ctx);
  const s = await getPlatformSnapshot();
  const turns = (verdict: string) => s.recentTurns.filter((t) => t.verdict === verdict).reduce((sum, t) => sum + t.count, 0);
  const findings = (severity: string) => s.openFindingsBySeverity[severity] ?? 0;
  return {
    queuedRuns: s.runsByStatus.QUEUED ?? 0,
    runningRuns: s.runsByStatus.RUNNING ?? 0,
    busyWorkers: s.busyWorkers,
    staleRuns: s.staleRuns,
    oldestQueuedRunAgeSeconds: Math.round(s.oldestQueuedRunAgeSeconds),
    queueDepth: s.queues.reduce((sum, q) => sum + q.ready, 0),
    recentTurns: { pass: turns("PASS"), fail: turns("FAIL"), inconclusive: turns("INCONCLUSIVE"), pending: turns("PENDING") },
    openFindings: { critical: findings("CRITICAL"), high: findings("HIGH"), medium: findings("MEDIUM"), low: findings("LOW"), info: findings("INFO") },
    collectedAt: s.collectedAt.toISOString(),
  };
}
