import "server-only";
import type { CreateRunInput } from "@bulwark/contracts";
import { ConnectorConfig } from "@bulwark/redteam";
import { env } from "@/env";
import type { ServiceContext } from "@/server/auth/principal";
import { resolveRunPlan } from "@/server/services/runs/resolve-run-plan";
import { effectiveLimits, type ResolvedLimits } from "./effective-limits";
import { estimateRunUsage, type RunUsageEstimate } from "./estimate-run-usage";
import { type RunCaps, runCaps } from "./run-caps";

const DEFAULT_PACING = { requestsPerSecond: 5, maxConcurrency: 2 };

/** The plan of a run to be, the limits in force, the caps it would carry and what it would use. */
export async function planRunUsage(
  ctx: Pick<ServiceContext, "orgId">,
  project: { connector: unknown },
  input: CreateRunInput,
): Promise<{ plan: Awaited<ReturnType<typeof resolveRunPlan>>; resolved: ResolvedLimits; caps: RunCaps; estimate: RunUsageEstimate }> {
  const [plan, resolved] = await Promise.all([resolveRunPlan(ctx, input), effectiveLimits(ctx.orgId)]);
  const caps = runCaps(resolved.limits, input.budget);
  const connector = ConnectorConfig.safeParse(project.connector);
  const estimate = estimateRunUsage({
    plannedTurns: plan.turnsTotal,
    judgedTurns: plan.judgedTurns,
    caps,
    connector: connector.success ? connector.data : DEFAULT_PACING,
    judgeEnabled: Boolean(env.BULWARK_JUDGE_URL),
  });
  return { plan, resolved, caps, estimate };
}
