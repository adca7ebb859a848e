import "server-only";
import { Prisma, prisma } from "@bulwark/db";
import { REPORT_FORMATS, renderReport, verifyEvidenceChain } from "@bulwark/redteam";
import { buildReportForRun } from "@/server/services/reports/build-report-for-run";

export interface RunCheck {
  runId: string;
  orgId: string;
  evidence: { ok: boolean; items: number; firstMismatch: unknown };
  /** Formats that failed to render, with the error. */
  reportErrors: { format: string; error: string }[];
  /** Evidence ids findings point at that do not exist in the run's chain. */
  missingEvidence: { findingId: string; evidenceId: string }[];
  ok: boolean;
}

export interface RunSampleResult {
  checkedAt: string;
  sampled: number;
  problems: number;
  runs: RunCheck[];
}

/**
 * The daily ops check: a random sample of completed runs (optionally of one org), each checked
 * three ways: its evidence chain verifies against the head on the run, its report renders in
 * every format, and every evidence id its findings cite exists in its chain.
 */
export async function checkRunSample({ sample, orgId, now = new Date() }: { sample: number; orgId?: string; now?: Date }): Promise<RunSampleResult> {
  const picked = await prisma.$queryRaw<{ id: string; orgId: string }[]>`
    SELECT id, org_id AS "orgId" FROM runs
    WHERE status = 'COMPLETED' ${orgId ? Prisma.sql`AND org_id = ${orgId}` : Prisma.empty}
    ORDER BY random() LIMIT ${sample}`;
  const runs: RunCheck[] = [];
  for (const run of picked) runs.push(await checkRun(run.orgId, run.id, now));
  return { checkedAt: now.toISOString(), sampled: runs.length, problems: runs.filter((run) => !run.ok).length, runs };
}

async function checkRun(orgId: string, runId: string, now: Date): Promise<RunCheck> {
  const run = await prisma.run.findFirstOrThrow({ where: { id: runId, orgId }, select: { evidenceSeq: true, evidenceHeadHash: true } });
  const [items, findings] = await Promise.all([
    prisma.evidenceItem.findMany({
      where: { runId, orgId },
      orderBy: { seq: "asc" },
      select: { id: true, seq: true, kind: true, payload: true, turnId: true, prevHash: true, hash: true },
    }),
    prisma.finding.findMany({ where: { runId, orgId }, select: { id: true, evidenceIds: true } }),
  ]);
  const verified = verifyEvidenceChain(items, { head: { seq: run.evidenceSeq, hash: run.evidenceHeadHash } });
  const evidence = { ok: verified.ok, items: items.length, firstMismatch: verified.ok ? null : verified.firstMismatch };

  const reportErrors: RunCheck["reportErrors"] = [];
  try {
    const report = await buildReportForRun({ orgId }, runId, now);
    for (const format of REPORT_FORMATS) {
      try {
        if (!renderReport(report, format).body) throw new Error("empty report");
      } catch (error) {
        reportErrors.push({ format, error: message(error) });
      }
    }
  } catch (error) {
    reportErrors.push({ format: "*", error: message(error) });
  }

  const present = new Set(items.map((item) => item.id));
  const missingEvidence = findings.flatMap((finding) =>
    finding.evidenceIds.filter((id) => !present.has(id)).map((evidenceId) => ({ findingId: finding.id, evidenceId })),
  );
  return { runId, orgId, evidence, reportErrors, missingEvidence, ok: evidence.ok && reportErrors.length === 0 && missingEvidence.length === 0 };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
