import "server-only";
import type { FindingSeverity } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import { latestCompletedRuns } from "./latest-completed-runs";
import { OPEN_FINDING_STATUSES } from "./open-finding-statuses";

export type OpenFindingCounts = Record<FindingSeverity, number>;

/** Open (or confirmed) findings per severity in each project's latest completed run. */
export async function countOpenFindings(ctx: Pick<ServiceContext, "orgId">): Promise<OpenFindingCounts> {
  const runIds = [...(await latestCompletedRuns(ctx.orgId)).values()];
  const counts: OpenFindingCounts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  if (runIds.length === 0) return counts;
  const rows = await prisma.finding.groupBy({
    by: ["severity"],
    where: { orgId: ctx.orgId, runId: { in: runIds }, status: { in: OPEN_FINDING_STATUSES } },
    _count: { _all: true },
  });
  for (const row of rows) counts[row.severity.toLowerCase() as FindingSeverity] = row._count._all;
  return counts;
}
