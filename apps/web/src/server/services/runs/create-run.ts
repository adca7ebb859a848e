import "server-only";
import { AppError, type CreateRunInput, type Run } from "@bulwark/contracts";
import { newId, type Prisma, prisma } from "@bulwark/db";
import { DEFAULT_ADMIN_URL, DEFAULT_EXFIL_URL, enqueueRun, recordUsage, type RunPlan } from "@bulwark/jobs";
import { env } from "@/env";
import type { ServiceContext } from "@/server/auth/principal";
import { getQueue } from "@/server/queue/boss";
import { log } from "@/server/log";
import { recordAudit } from "@/server/services/audit/record-audit";
import { getProjectOrThrow } from "@/server/services/projects/get-project-or-throw";
import { checkRunQuotas } from "@/server/services/quotas/check-run-quotas";
import { lockOrgQuota } from "@/server/services/quotas/lock-org-quota";
import { planRunUsage } from "@/server/services/quotas/plan-run-usage";
import { quotaExceeded } from "@/server/services/quotas/quota-exceeded";
import { toRunDto } from "./to-run-dto";

/**
 * Creates a run: resolves the selection into a fixed plan (so a resumed run replays exactly the
 * same turns), applies the environment guardrail and the quotas, and queues it. The quotas are
 * counted and the run written under the org's run-quota lock, so concurrent creations cannot
 * overshoot a limit; the run carries its caps (tier limit or budget, the lower). Queueing happens
 * after the commit; a run whose job never arrived is picked up by the stale-run sweep.
 * `now` is the clock (tests move it across day and month boundaries).
 */
export async function createRun(ctx: ServiceContext, projectId: string, input: CreateRunInput, { now = new Date() }: { now?: Date } = {}): Promise<Run> {
  const project = await getProjectOrThrow(ctx, projectId);
  if (project.environment === "PROD" && !input.prodOverride) {
    throw new AppError("conflict", "This project is in prod: confirm the run with `prodOverride` ({ confirm: true, reason }).", {
      details: { reason: "prod_override_required" },
    });
  }
  if (!(project.connector as { url?: unknown }).url) {
    throw new AppError("conflict", "Configure the project's agent connector before starting a run.", { details: { reason: "connector_not_configured" } });
  }
  const { plan, resolved, caps, estimate } = await planRunUsage(ctx, project, input);
  const stored: RunPlan = {
    attacks: plan.items,
    targets: {
      publicUrl: env.AUTH_URL ?? "http://localhost:3000",
      exfilUrl: env.BULWARK_EXFIL_URL ?? DEFAULT_EXFIL_URL,
      adminUrl: env.BULWARK_ADMIN_URL ?? DEFAULT_ADMIN_URL,
    },
  };

  const run = await prisma.$transaction(async (tx) => {
    await lockOrgQuota(tx, ctx.orgId, "runs");
    const checks = await checkRunQuotas(tx, { orgId: ctx.orgId, projectId, limits: resolved.limits, caps, estimate, now });
    const breach = checks.find((check) => check.blocking && !check.fits);
    if (breach) throw quotaExceeded(breach, now);
    const created = await tx.run.create({
      data: {
        id: newId("run"),
        orgId: ctx.orgId,
        projectId,
        selection: { ...(input.scenarioKeys ? { scenarioKeys: input.scenarioKeys } : {}), ...(input.categories ? { categories: input.categories } : {}) },
        plan: stored as unknown as Prisma.InputJsonValue,
        intensity: input.intensity.toUpperCase() as "LOW" | "MEDIUM" | "HIGH",
        budget: input.budget ?? undefined,
        maxTurns: caps.maxTurns,
        maxAgentCalls: caps.maxAgentCalls,
        maxJudgeTokens: caps.maxJudgeTokens === null ? null : BigInt(caps.maxJudgeTokens),
        maxCostMicros: caps.maxCostMicros === null ? null : BigInt(caps.maxCostMicros),
        maxRuntimeSeconds: caps.maxRuntimeSeconds,
        maxEvents: caps.maxEvents,
        turnsTotal: plan.turnsTotal,
        prodOverrideConfirmedAt: input.prodOverride ? now : null,
        createdById: ctx.actor.userId,
        createdByApiKeyId: ctx.actor.type === "api_key" ? ctx.actor.apiKeyId : null,
        createdAt: now,
      },
    });
    await recordUsage((text, values) => tx.$executeRawUnsafe(text, ...values), { orgId: ctx.orgId, projectId, runId: created.id, at: now, runs: 1 });
    await recordAudit(tx, ctx, input.prodOverride && project.environment === "PROD" ? "run.create.prod_override" : "run.create", { type: "run", id: created.id }, input);
    return created;
  });

  try {
    await enqueueRun(await getQueue(), run.id);
  } catch (err) {
    // The run is committed and stays QUEUED: the sweep queues it again shortly.
    log.error({ err, runId: run.id }, "could not queue the run; the stale-run sweep will");
  }
  return toRunDto(run);
}
