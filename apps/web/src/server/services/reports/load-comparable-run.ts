import "server-only";
import { prisma, type Run } from "@bulwark/db";
import type { Category, ComparableRun, FindingStatus, Scenario, Severity } from "@bulwark/redteam";
import { loadRunInstances } from "./load-run-instances";

/** What a run proved, as `compareRunResults` takes it: its scenario instances and its findings as triaged now. */
export async function loadComparableRun(run: Run, scenarios: ReadonlyMap<string, Scenario>): Promise<ComparableRun> {
  const [instances, findings] = await Promise.all([
    loadRunInstances(run, scenarios),
    prisma.finding.findMany({
      where: { runId: run.id, orgId: run.orgId },
      select: { id: true, fingerprint: true, scenarioKey: true, scenarioVersion: true, category: true, severity: true, title: true, riskScore: true, status: true },
    }),
  ]);
  return {
    instances,
    findings: findings.map((finding) => ({
      ...finding,
      category: finding.category as Category,
      severity: finding.severity.toLowerCase() as Severity,
      riskScore: Number(finding.riskScore ?? 0),
      status: finding.status.toLowerCase() as FindingStatus,
    })),
  };
}
