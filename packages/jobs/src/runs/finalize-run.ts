import type { Prisma } from "@bulwark/db";
import { computeRunScores, type FindingStatus, type PlannedAttack, type ScenarioVerdict, scenarioInstanceResult, scenarioRef } from "@bulwark/redteam";
import { recordRunUsage } from "../usage/record-run-usage";
import { notifyRunUpdate } from "./notify-run";
import type { RunContext } from "./run-context";

/**
 * Ends the run with its scores. A run asked to stop ends CANCELED (user) or STOPPED (a cap, a
 * kill) and keeps everything judged so far; attacks never judged count as `not_run`. The update
 * only matches a RUNNING run, so a late worker can never overwrite a final status.
 */
export async function finalizeRun(ctx: RunContext, plan: PlannedAttack[], verdicts: (ScenarioVerdict | null)[]): Promise<void> {
  const { prisma, run } = ctx;
  const findings = await prisma.finding.findMany({ where: { runId: run.id }, select: { riskScore: true, status: true } });
  const instances = plan.map((attack, i) =>
    scenarioInstanceResult(ctx.scenarios.get(scenarioRef(attack.scenarioKey, attack.version))!, attack.variant, verdicts[i] ?? null, ctx.project.id),
  );
  const scores = computeRunScores(
    instances,
    findings.map((f) => ({ riskScore: Number(f.riskScore ?? 0), status: f.status.toLowerCase() as FindingStatus })),
  );
  const stop = ctx.watch.stopReason();
  await prisma.run.updateMany({
    where: { id: run.id, status: "RUNNING" },
    data: {
      status: stop ? (stop === "USER_CANCEL" ? "CANCELED" : "STOPPED") : "COMPLETED",
      finishedAt: new Date(),
      riskScore: scores.riskScore,
      scores: { ...scores, instances } as unknown as Prisma.InputJsonValue,
    },
  });
  await recordRunUsage(prisma, run.id);
  await notifyRunUpdate(prisma, run.id);
}
