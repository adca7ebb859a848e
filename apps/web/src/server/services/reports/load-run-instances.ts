import "server-only";
import { prisma, type Run } from "@bulwark/db";
import { judgeScenario, type Scenario, type ScenarioInstanceResult, scenarioInstanceResult, scenarioRef, type TurnVerdict } from "@bulwark/redteam";
import { runPlanAttacks } from "./run-plan-attacks";

/**
 * A run's scenario instances, one per planned attack: as finalised into `runs.scores` when the
 * run ended, else (queued, running, or failed before finalising) recomputed from its turns the
 * way the worker judges them. An attack whose turns have not all finished is `not_run`, as the
 * worker leaves it. Attacks whose scenario is no longer in `scenarios` are left out.
 */
export async function loadRunInstances(run: Run, scenarios: ReadonlyMap<string, Scenario>): Promise<ScenarioInstanceResult[]> {
  const stored = (run.scores as { instances?: unknown } | null)?.instances;
  if (Array.isArray(stored)) return stored as ScenarioInstanceResult[];
  const attacks = runPlanAttacks(run.plan);
  if (attacks.length === 0) return [];

  const where = { runId: run.id, orgId: run.orgId };
  const [turns, verdictLinks] = await Promise.all([
    prisma.runTurn.findMany({
      where,
      orderBy: { turnIndex: "asc" },
      select: { id: true, scenarioKey: true, scenarioVersion: true, variant: true, turnIndex: true, verdict: true, detector: true, confidence: true, finishedAt: true },
    }),
    prisma.evidenceItem.findMany({ where: { ...where, kind: "VERDICT" }, select: { turnId: true, payload: true } }),
  ]);
  const reasons = new Map(verdictLinks.map((link) => [link.turnId, (link.payload as { reason?: unknown }).reason]));

  return attacks.flatMap((attack): ScenarioInstanceResult[] => {
    const scenario = scenarios.get(scenarioRef(attack.scenarioKey, attack.version));
    if (!scenario) return [];
    const own = turns.filter((turn) => turn.scenarioKey === scenario.key && turn.scenarioVersion === scenario.version && turn.variant === attack.variant);
    const finished = scenario.turns.every((_, index) => own.some((turn) => turn.turnIndex === index && turn.finishedAt));
    const verdicts: TurnVerdict[] = finished
      ? own.flatMap((turn) =>
          scenario.turns[turn.turnIndex]?.judge && turn.verdict
            ? [{ verdict: turn.verdict.toLowerCase() as TurnVerdict["verdict"], detector: turn.detector ?? "", confidence: turn.confidence ?? 0, reason: String(reasons.get(turn.id) ?? ""), evidence: [] }]
            : [],
        )
      : [];
    return [scenarioInstanceResult(scenario, attack.variant, finished ? judgeScenario(verdicts) : null, run.projectId)];
  });
}
