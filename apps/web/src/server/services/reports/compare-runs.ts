import "server-only";
import { invalidInput, notFound, type RunComparison, type RunStatus } from "@bulwark/contracts";
import { prisma, type Run } from "@bulwark/db";
import { compareRunResults, scenarioRef } from "@bulwark/redteam";
import type { ServiceContext } from "@/server/auth/principal";
import { getRunOrThrow } from "@/server/services/runs/get-run-or-throw";
import { loadScenarioCatalog } from "@/server/services/scenarios/load-scenario-catalog";
import { loadComparableRun } from "./load-comparable-run";

/**
 * Compares one of the caller's runs with a base run of the same project: the named one, or else
 * the project's latest finished run created before it. A base in another organization is not
 * found; one in another project is refused, because fingerprints only match within a project.
 */
export async function compareRuns(ctx: Pick<ServiceContext, "orgId">, runId: string, baseId?: string): Promise<RunComparison> {
  const run = await getRunOrThrow(ctx, runId);
  const base = baseId ? await prisma.run.findFirst({ where: { id: baseId, orgId: ctx.orgId } }) : await previousFinishedRun(run);
  if (!base) {
    if (baseId) throw notFound("base run");
    throw invalidInput("query", [{ path: "base", code: "no_base_run", message: "This run has no earlier finished run in its project; name the run to compare with." }]);
  }
  if (base.projectId !== run.projectId) {
    throw invalidInput("query", [{ path: "base", code: "other_project", message: "The base run belongs to another project; compare runs of the same project." }]);
  }

  const catalog = await loadScenarioCatalog(ctx.orgId);
  const scenarios = new Map(catalog.map((scenario) => [scenarioRef(scenario.key, scenario.version), scenario]));
  const [current, previous] = await Promise.all([loadComparableRun(run, scenarios), loadComparableRun(base, scenarios)]);
  return { run: summary(run), base: summary(base), ...compareRunResults(current, previous) };
}

function previousFinishedRun(run: Run) {
  return prisma.run.findFirst({
    where: { orgId: run.orgId, projectId: run.projectId, id: { lt: run.id }, status: { in: ["COMPLETED", "STOPPED", "CANCELED", "FAILED"] } },
    orderBy: { id: "desc" },
  });
}

function summary(run: Run): RunComparison["run"] {
  return {
    id: run.id,
    status: run.status.toLowerCase() as RunStatus,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}
