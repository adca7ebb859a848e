import "server-only";
import { prisma } from "@bulwark/db";
import { buildRunReport, type Intensity, type RunReport, type RunStatus, scenarioRef, verifyEvidenceChain } from "@bulwark/redteam";
import type { ServiceContext } from "@/server/auth/principal";
import { getRunOrThrow } from "@/server/services/runs/get-run-or-throw";
import { loadScenarioCatalog } from "@/server/services/scenarios/load-scenario-catalog";
import { loadRunInstances } from "./load-run-instances";
import { reportLimitations } from "./report-limitations";
import { reportScope } from "./report-scope";
import { runPlanAttacks } from "./run-plan-attacks";
import { toReportFinding } from "./to-report-finding";

/**
 * The report model of one of the caller's runs, built from what is stored now: nothing is
 * cached, so triage since the run shows, and the evidence chain is verified afresh against the
 * head recorded on the run. A run that has not finished gets a report its limitations call
 * partial. Another organization's run is not found.
 */
export async function buildReportForRun(ctx: Pick<ServiceContext, "orgId">, runId: string, now: Date = new Date()): Promise<RunReport> {
  const run = await getRunOrThrow(ctx, runId);
  const catalog = await loadScenarioCatalog(ctx.orgId);
  const scenarios = new Map(catalog.map((scenario) => [scenarioRef(scenario.key, scenario.version), scenario]));
  const where = { runId: run.id, orgId: ctx.orgId };
  const [project, instances, findings, chain, turns, egressEvents, untaggedEgressEvents] = await Promise.all([
    prisma.project.findFirstOrThrow({ where: { id: run.projectId, orgId: ctx.orgId }, select: { name: true, environment: true } }),
    loadRunInstances(run, scenarios),
    prisma.finding.findMany({ where }),
    prisma.evidenceItem.findMany({ where, orderBy: { seq: "asc" }, select: { id: true, seq: true, kind: true, turnId: true, payload: true, prevHash: true, hash: true } }),
    prisma.runTurn.findMany({ where, select: { id: true, turnIndex: true, detector: true } }),
    prisma.event.count({ where: { ...where, type: "egress.http" } }),
    prisma.event.count({ where: { ...where, type: "egress.http", turnId: null } }),
  ]);

  const status = run.status.toLowerCase() as RunStatus;
  // A live run keeps appending: check the links its head (read first) covers, not ones added since.
  const live = status === "queued" || status === "running";
  const verified = live ? chain.filter((link) => link.seq <= run.evidenceSeq) : chain;
  const links = new Map(chain.map((link) => [link.id, link]));
  const turnIndexes = new Map(turns.map((turn) => [turn.id, turn.turnIndex]));
  const scope = reportScope(runPlanAttacks(run.plan), instances, scenarios);

  return buildRunReport({
    runId: run.id,
    project: { name: project.name, environment: project.environment.toLowerCase() },
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    generatedAt: now.toISOString(),
    status,
    stopReason: run.stopReason?.toLowerCase() ?? null,
    intensity: run.intensity.toLowerCase() as Intensity,
    scope: { categories: scope.categories, scenarios: scope.scenarios },
    instances,
    findings: findings.map((row) =>
      toReportFinding(row, { links, turnIndexes, instances, scenario: scenarios.get(scenarioRef(row.scenarioKey, row.scenarioVersion)) }),
    ),
    turns: { total: run.turnsTotal, passed: run.turnsPassed, failed: run.turnsFailed, inconclusive: run.turnsInconclusive },
    evidence: {
      headHash: run.evidenceHeadHash,
      verification: verifyEvidenceChain(verified, { head: { seq: run.evidenceSeq, hash: run.evidenceHeadHash } }),
    },
    limitations: reportLimitations({
      status,
      stopReason: run.stopReason?.toLowerCase() ?? null,
      turnsDone: run.turnsDone,
      turnsTotal: run.turnsTotal,
      egressEvents,
      untaggedEgressEvents,
      llmJudgeUsed: run.judgeTokens > 0n || turns.some((turn) => turn.detector === "llm_judge"),
      missingScenarios: scope.missing,
    }),
  });
}
