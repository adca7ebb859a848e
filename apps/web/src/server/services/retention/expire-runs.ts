import { prisma, type RunStatus } from "@bulwark/db";
import { renderReport } from "@bulwark/redteam";
import { buildReportForRun } from "@/server/services/reports/build-report-for-run";
import { archiveEventRows } from "./archive/archive-event-rows";
import { archiveOrStop } from "./archive/archive-or-stop";
import type { ArchiveStore } from "./archive/archive-store";
import type { ProjectCutoff } from "./expire-events";
import type { RetentionTally } from "./retention-tally";

/** Live runs are never expired, however old: the worker still writes to them. */
const FINISHED: RunStatus[] = ["COMPLETED", "FAILED", "CANCELED", "STOPPED"];
const PAGE = 50;

export interface ExpireRunsInput {
  archive: ArchiveStore | null;
  archiveEvents: boolean;
  now: Date;
  tally: RetentionTally;
}

/**
 * Deletes a project's finished runs created before its cutoff, one run per transaction, each
 * after its reports (Markdown and JSON, rendered by the same builder as the report download) and,
 * when asked, its remaining events were archived. The delete cascades to turns, evidence,
 * findings, story, reports and events; evidence is append-only, so the transaction opts in.
 */
export async function expireRuns(project: ProjectCutoff, input: ExpireRunsInput): Promise<void> {
  for (;;) {
    const runs = await prisma.run.findMany({
      where: { orgId: project.orgId, projectId: project.id, createdAt: { lt: project.cutoff }, status: { in: FINISHED } },
      orderBy: { createdAt: "asc" },
      select: { id: true },
      take: PAGE,
    });
    for (const run of runs) {
      if (input.archive) await archiveRun(project, run.id, input.archive, input);
      await deleteRun(project, run.id, input.tally);
    }
    if (runs.length < PAGE) return;
  }
}

async function archiveRun(project: ProjectCutoff, runId: string, archive: ArchiveStore, input: ExpireRunsInput): Promise<void> {
  const prefix = `reports/${project.orgId}/${project.id}/${runId}`;
  const report = await buildReportForRun({ orgId: project.orgId }, runId, input.now);
  for (const format of ["md", "json"] as const) {
    const rendered = renderReport(report, format);
    await archiveOrStop(archive, input.tally, `${prefix}.${rendered.fileExtension}`, rendered.body, rendered.contentType);
  }
  if (input.archiveEvents) await archiveEventRows(archive, input.tally, { table: "events", column: "run_id", value: runId }, `${prefix}-events`);
}

async function deleteRun(project: ProjectCutoff, runId: string, tally: RetentionTally): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT set_config('bulwark.evidence_retention', 'on', true)`;
      const [sizes] = await tx.$queryRaw<{ eventRows: number; events: bigint; reports: bigint }[]>`
        SELECT (SELECT count(*)::int FROM events WHERE run_id = ${runId} AND org_id = ${project.orgId}) AS "eventRows",
               (SELECT coalesce(sum(size_bytes), 0)::bigint FROM events WHERE run_id = ${runId} AND org_id = ${project.orgId}) AS events,
               (SELECT coalesce(sum(size_bytes), 0)::bigint FROM reports WHERE run_id = ${runId} AND org_id = ${project.orgId}) AS reports`;
      const { count } = await tx.run.deleteMany({ where: { id: runId, orgId: project.orgId, status: { in: FINISHED } } });
      if (count === 0) return;
      tally.runsDeleted += 1;
      tally.eventsDeleted += sizes?.eventRows ?? 0;
      tally.free(project.orgId, project.id, (sizes?.events ?? 0n) + (sizes?.reports ?? 0n));
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
}
