import { newId, type Prisma } from "@bulwark/db";
import { findingRiskScore, type Scenario, scenarioFingerprint, type ScenarioVerdict, type Variant } from "@bulwark/redteam";
import { appendEvidence } from "./append-evidence";
import { notifyRunUpdate } from "./notify-run";
import type { RunContext } from "./run-context";

/**
 * Raises (or strengthens) the run's finding for a failing scenario. One finding per scenario
 * per run, whatever the number of phrasings that broke the agent; its fingerprint follows the
 * weakness across runs, and a weakness the team marked a false positive stays one. The finding
 * cites the attack's evidence in chain order and is itself linked into the chain.
 */
export async function recordFinding(ctx: RunContext, scenario: Scenario, variant: Variant, verdict: ScenarioVerdict): Promise<void> {
  const { prisma, run } = ctx;
  const fingerprint = scenarioFingerprint(scenario.key, scenario.version, ctx.project.id);
  const turns = await prisma.runTurn.findMany({
    where: { runId: run.id, scenarioKey: scenario.key, variant },
    orderBy: { turnIndex: "asc" },
    select: { id: true, evidenceIds: true },
  });
  const evidenceIds = turns.flatMap((turn) => turn.evidenceIds);
  const riskScore = findingRiskScore({ severity: scenario.severity, confidence: verdict.confidence, exploitability: scenario.exploitability });
  const dismissed = await prisma.finding.findFirst({
    where: { projectId: ctx.project.id, fingerprint, status: "FALSE_POSITIVE", runId: { not: run.id } },
    select: { id: true },
  });

  const summary = `${verdict.reason} (${variant.replace("_", "-")} phrasing)`;
  const [link] = await appendEvidence(prisma, run, [
    {
      kind: "FINDING",
      turnId: null,
      payload: { fingerprint, scenarioKey: scenario.key, scenarioVersion: scenario.version, variant, severity: scenario.severity, confidence: verdict.confidence, riskScore, detector: verdict.detector, evidenceIds },
    },
  ]);

  await prisma.$transaction(async (tx) => {
    // Serialised per run, so two phrasings failing at once merge into one finding.
    await tx.$queryRaw`SELECT 1 FROM runs WHERE id = ${run.id} FOR UPDATE`;
    const existing = await tx.finding.findUnique({ where: { runId_fingerprint: { runId: run.id, fingerprint } } });
    if (existing) {
      await tx.finding.update({
        where: { id: existing.id },
        data: {
          confidence: Math.max(existing.confidence, verdict.confidence),
          riskScore: Math.max(Number(existing.riskScore ?? 0), riskScore),
          summary: `${existing.summary}; ${summary}`.slice(0, 2_000),
          evidenceIds: [...existing.evidenceIds, ...evidenceIds, link!.id],
          evidenceHash: link!.hash,
        },
      });
      return;
    }
    await tx.finding.create({
      data: {
        id: newId("finding"),
        orgId: run.orgId,
        projectId: ctx.project.id,
        runId: run.id,
        fingerprint,
        scenarioKey: scenario.key,
        scenarioVersion: scenario.version,
        category: scenario.category,
        severity: scenario.severity.toUpperCase() as "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "INFO",
        confidence: verdict.confidence,
        riskScore,
        title: scenario.title,
        summary,
        status: dismissed ? "FALSE_POSITIVE" : "OPEN",
        triageNote: dismissed ? `Marked a false positive in an earlier run (finding ${dismissed.id}).` : null,
        evidenceIds: [...evidenceIds, link!.id],
        evidenceHash: link!.hash,
        remediation: scenario.remediation as Prisma.InputJsonValue,
        mappings: scenario.mappings as Prisma.InputJsonValue,
      },
    });
  });
  await notifyRunUpdate(prisma, run.id);
}
