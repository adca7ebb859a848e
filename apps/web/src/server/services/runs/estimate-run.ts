import "server-only";
import type { CreateRunInput, RunEstimate } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import { getProjectOrThrow } from "@/server/services/projects/get-project-or-throw";
import { checkRunQuotas } from "@/server/services/quotas/check-run-quotas";
import { planRunUsage } from "@/server/services/quotas/plan-run-usage";

/** What `createRun` would start with the same body, and whether each limit lets it; starts nothing. */
export async function estimateRun(ctx: ServiceContext, projectId: string, input: CreateRunInput, { now = new Date() }: { now?: Date } = {}): Promise<RunEstimate> {
  const project = await getProjectOrThrow(ctx, projectId);
  const { caps, estimate, resolved } = await planRunUsage(ctx, project, input);
  const checks = await checkRunQuotas(prisma, { orgId: ctx.orgId, projectId, limits: resolved.limits, caps, estimate, now });
  return {
    turns: estimate.turns,
    agentCalls: estimate.agentCalls,
    judgeTokens: estimate.judgeTokens,
    costMicros: estimate.costMicros,
    costUsd: estimate.costMicros / 1_000_000,
    durationSeconds: estimate.durationSeconds,
    fits: checks.every((check) => !check.blocking || check.fits),
    quotas: checks.map(({ quota, limit, used, wouldUse, fits, blocking }) => ({ quota, limit, used, wouldUse, fits, blocking })),
  };
}
