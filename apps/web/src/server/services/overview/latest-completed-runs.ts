import "server-only";
import { prisma } from "@bulwark/db";

/**
 * Each project's latest COMPLETED run: what the overview treats as the project's current state.
 * Findings accumulate per run (one row per weakness per run), so counting every run's findings
 * would count one weakness once per run, and keep counting it after a later run shows it fixed.
 */
export async function latestCompletedRuns(orgId: string): Promise<Map<string, string>> {
  const rows = await prisma.$queryRaw<{ project_id: string; id: string }[]>`
    SELECT DISTINCT ON (project_id) project_id, id FROM runs
    WHERE org_id = ${orgId} AND status = 'COMPLETED'
    ORDER BY project_id, id DESC`;
  return new Map(rows.map((row) => [row.project_id, row.id]));
}
