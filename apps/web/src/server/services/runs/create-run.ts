import "server-only";
import { AppError, type CreateRunInput, type Run } from "@bulwark/contracts";
import { newId, type Prisma, prisma } from "@bulwark/db";
import { DEFAULT_ADMIN_URL, DEFAULT_EXFIL_URL, enqueueRun, type RunPlan } from "@bulwark/jobs";
import { env } from "@/env";
import type { ServiceContext } from "@/server/auth/principal";
import { getQueue } from "@/server/queue/boss";
import { log } from "@/server/log";
import { recordAudit } from "@/server/services/audit/record-audit";
import { getProjectOrThrow } from "@/server/services/projects/get-project-or-throw";
import { resolveRunPlan } from "./resolve-run-plan";
import { toRunDto } from "./to-run-dto";

/**
 * Creates a run: resolves the selection into a fixed plan (so a resumed run replays exactly the
 * same turns), applies the environment guardrail, and queues it. Queueing happens after the
 * commit; a run whose job never arrived is picked up by the stale-run sweep.
 */
export async function createRun(ctx: ServiceContext, projectId: string, input: CreateRunInput): Promise<Run> {
  const project = await getProjectOrThrow(ctx, projectId);
  if (project.environment === "PROD" && !input.prodOverride) {
    throw new AppError("conflict", "This project is in prod: confirm the run with `prodOverride` ({ confirm: true, reason }).", {
      details: { reason: "prod_override_required" },
    });
  }
  if (!(project.connector as { url?: unknown }).url) {
    throw new AppError("conflict", "Configure the project's agent connector before starting a run.", { details: { reason: "connector_not_configured" } });
  }
  const plan = await resolveRunPlan(ctx, input);
  const stored: RunPlan = {
    attacks: plan.items,
    targets: {
      publicUrl: env.AUTH_URL ?? "http://localhost:3000",
      exfilUrl: env.BULWARK_EXFIL_URL ?? DEFAULT_EXFIL_URL,
      adminUrl: env.BULWARK_ADMIN_URL ?? DEFAULT_ADMIN_URL,
    },
  };

  const now = new Date();
  const run = await prisma.$transaction(async (tx) => {
    const created = await tx.run.create({
      data: {
        id: newId("run"),
        orgId: ctx.orgId,
        projectId,
        selection: { ...(input.scenarioKeys ? { scenarioKeys: input.scenarioKeys } : {}), ...(input.categories ? { categories: input.categories } : {}) },
        plan: stored as unknown as Prisma.InputJsonValue,
        intensity: input.intensity.toUpperCase() as "LOW" | "MEDIUM" | "HIGH",
        budget: input.budget ?? undefined,
        maxTurns: input.budget?.maxTurns ?? null,
        maxAgentCalls: input.budget?.maxAgentCalls ?? null,
        maxRuntimeSeconds: input.budget?.maxRuntimeSeconds ?? null,
        turnsTotal: plan.turnsTotal,
        prodOverrideConfirmedAt: input.prodOverride ? now : null,
        createdById: ctx.actor.userId,
        createdByApiKeyId: ctx.actor.type === "api_key" ? ctx.actor.apiKeyId : null,
      },
    });
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
