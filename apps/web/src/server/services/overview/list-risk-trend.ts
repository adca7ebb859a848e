import "server-only";
import { prisma } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";

export interface RiskTrendPoint {
  runId: string;
  projectId: string;
  projectName: string;
  finishedAt: string;
  riskScore: number;
}

/** The risk score of the org's latest scored runs, oldest first, so it reads as a trend. */
export async function listRiskTrend(ctx: Pick<ServiceContext, "orgId">, { limit = 50 }: { limit?: number } = {}): Promise<RiskTrendPoint[]> {
  const runs = await prisma.run.findMany({
    where: { orgId: ctx.orgId, status: "COMPLETED", riskScore: { not: null }, finishedAt: { not: null } },
    select: { id: true, projectId: true, finishedAt: true, riskScore: true, project: { select: { name: true } } },
    orderBy: { id: "desc" },
    take: limit,
  });
  return runs.reverse().map((run) => ({
    runId: run.id,
    projectId: run.projectId,
    projectName: run.project.name,
    finishedAt: run.finishedAt!.toISOString(),
    riskScore: Number(run.riskScore),
  }));
}
