import "server-only";
import { prisma } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import { latestCompletedRuns } from "./latest-completed-runs";
import { OPEN_FINDING_STATUSES } from "./open-finding-statuses";

/**
 * A sidecar heartbeats every 15 s. Five minutes of silence (20 missed beats) rules out a slow
 * network or a restart, so the sidecar is down or gone and the project's egress goes unseen.
 */
export const STALE_HEARTBEAT_MS = 5 * 60_000;

export type AttentionReason =
  | { kind: "no_heartbeat" }
  | { kind: "stale_heartbeat"; lastHeartbeatAt: string }
  | { kind: "never_tested" }
  | { kind: "critical_findings"; count: number; runId: string };

export interface ProjectNeedingAttention {
  projectId: string;
  projectName: string;
  reasons: AttentionReason[];
}

/**
 * The org's projects with something to act on: a sidecar never seen or gone quiet, no completed
 * run yet, or open critical findings in the latest completed run. Projects are bounded by the
 * projects-per-org quota, so the list is read whole.
 */
export async function listProjectsNeedingAttention(ctx: Pick<ServiceContext, "orgId">, { now = new Date() }: { now?: Date } = {}): Promise<ProjectNeedingAttention[]> {
  const [projects, latest] = await Promise.all([
    prisma.project.findMany({ where: { orgId: ctx.orgId }, select: { id: true, name: true, lastHeartbeatAt: true }, orderBy: { name: "asc" } }),
    latestCompletedRuns(ctx.orgId),
  ]);
  const critical = latest.size
    ? await prisma.finding.groupBy({
        by: ["runId"],
        where: { orgId: ctx.orgId, runId: { in: [...latest.values()] }, severity: "CRITICAL", status: { in: OPEN_FINDING_STATUSES } },
        _count: { _all: true },
      })
    : [];
  const criticalByRun = new Map(critical.map((row) => [row.runId, row._count._all]));

  return projects.flatMap((project) => {
    const reasons: AttentionReason[] = [];
    if (!project.lastHeartbeatAt) reasons.push({ kind: "no_heartbeat" });
    else if (now.getTime() - project.lastHeartbeatAt.getTime() > STALE_HEARTBEAT_MS) reasons.push({ kind: "stale_heartbeat", lastHeartbeatAt: project.lastHeartbeatAt.toISOString() });
    const runId = latest.get(project.id);
    if (!runId) reasons.push({ kind: "never_tested" });
    else if (criticalByRun.has(runId)) reasons.push({ kind: "critical_findings", count: criticalByRun.get(runId)!, runId });
    return reasons.length ? [{ projectId: project.id, projectName: project.name, reasons }] : [];
  });
}
