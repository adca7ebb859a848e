import { listEventPartitions, lockEventPartitions, prisma, type EventPartition } from "@bulwark/db";
import { archiveEventRows } from "./archive/archive-event-rows";
import type { ArchiveStore } from "./archive/archive-store";
import type { RetentionTally } from "./retention-tally";

export interface ProjectCutoff {
  id: string;
  orgId: string;
  /** Events before this instant have expired for the project. */
  cutoff: Date;
}

export interface ExpireEventsInput {
  /** The projects this cleanup may expire; a project not in it keeps every row. */
  projects: Map<string, ProjectCutoff>;
  /** Empty partitions ending before this go too; null leaves empty partitions alone (a scoped cleanup). */
  emptyCutoff: Date | null;
  archive: ArchiveStore | null;
  archiveEvents: boolean;
  /** Makes archive keys of this cleanup unique, so a rerun never overwrites an earlier archive. */
  stamp: string;
  batchSize: number;
  tally: RetentionTally;
}

/** Partition DDL locks `events` ACCESS EXCLUSIVE: never hold up ingest behind it for long. */
const LOCK_TIMEOUT = "5s";

/**
 * Expires events partition by partition, oldest first. A partition holds every project's events
 * of one UTC day: it is DROPPED when every project with rows in it has expired the whole day
 * (the cheap path, no row is read but for the per-project byte totals); otherwise the expired
 * projects' rows are DELETEd in bounded batches and the others stay.
 */
export async function expireEvents(input: ExpireEventsInput): Promise<void> {
  const latestCutoff = Math.max(0, ...[...input.projects.values()].map((p) => p.cutoff.getTime()), input.emptyCutoff?.getTime() ?? 0);
  const candidates = (await listEventPartitions(prisma)).filter((partition) => partition.from.getTime() < latestCutoff);
  for (const partition of candidates) {
    const present = await projectsIn(partition.name);
    if (present.length === 0) {
      if (input.emptyCutoff && partition.to <= input.emptyCutoff) await dropPartition(partition, input, []);
      continue;
    }
    if (present.every((id) => expiresWholeDay(input.projects.get(id), partition))) {
      await dropPartition(partition, input, present);
      continue;
    }
    for (const id of present) {
      const project = input.projects.get(id);
      if (project && project.cutoff > partition.from) await deleteExpiredRows(partition, project, input);
    }
  }
}

const expiresWholeDay = (project: ProjectCutoff | undefined, partition: EventPartition) => project !== undefined && project.cutoff >= partition.to;

/** Distinct project ids in a partition by skipping along its (project_id, ts, id) index: one probe per project, not a scan. */
async function projectsIn(table: string): Promise<string[]> {
  const rows = await prisma.$queryRawUnsafe<{ id: string }[]>(
    `WITH RECURSIVE p AS (
       (SELECT project_id AS id FROM "${table}" ORDER BY project_id LIMIT 1)
       UNION ALL
       SELECT (SELECT project_id FROM "${table}" WHERE project_id > p.id ORDER BY project_id LIMIT 1) FROM p WHERE p.id IS NOT NULL
     ) SELECT id FROM p WHERE id IS NOT NULL`,
  );
  return rows.map((row) => row.id);
}

async function dropPartition(partition: EventPartition, input: ExpireEventsInput, present: string[]): Promise<void> {
  const archiving = Boolean(input.archive && input.archiveEvents);
  const archived = new Map<string, number>();
  if (archiving && input.archive) {
    for (const id of present) {
      const project = input.projects.get(id)!;
      const prefix = `events/${project.orgId}/${project.id}/${partition.name.slice("events_p".length)}/${input.stamp}`;
      const { rows } = await archiveEventRows(input.archive, input.tally, { table: partition.name, column: "project_id", value: id }, prefix);
      archived.set(id, rows);
    }
  }
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT set_config('lock_timeout', '${LOCK_TIMEOUT}', true)`);
      await lockEventPartitions(tx);
      // SHARE: no row can arrive between the totals below and the drop.
      await tx.$executeRawUnsafe(`LOCK TABLE "${partition.name}" IN SHARE MODE`);
      const totals = await tx.$queryRawUnsafe<{ orgId: string; projectId: string; rows: bigint; bytes: bigint }[]>(
        `SELECT org_id AS "orgId", project_id AS "projectId", count(*) AS rows, coalesce(sum(size_bytes), 0)::bigint AS bytes
         FROM "${partition.name}" GROUP BY org_id, project_id`,
      );
      // Rows that arrived since the partition was judged (or archived) wait for the next cleanup.
      const unchanged = totals.every(
        (t) => expiresWholeDay(input.projects.get(t.projectId), partition) && (!archiving || (archived.get(t.projectId) ?? 0) === Number(t.rows)),
      );
      if (!unchanged) return;
      await tx.$executeRawUnsafe(`DROP TABLE "${partition.name}"`);
      input.tally.partitionsDropped += 1;
      for (const t of totals) {
        input.tally.eventsDeleted += Number(t.rows);
        input.tally.free(t.orgId, t.projectId, t.bytes);
      }
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
}

const MAX_BIGINT = "9223372036854775807";

async function deleteExpiredRows(partition: EventPartition, project: ProjectCutoff, input: ExpireEventsInput): Promise<void> {
  // Archived first; the delete then stops at the highest id archived, so a row that arrives
  // meanwhile is never deleted unarchived.
  let upToId = MAX_BIGINT;
  if (input.archive && input.archiveEvents) {
    const prefix = `events/${project.orgId}/${project.id}/${partition.name.slice("events_p".length)}/${input.stamp}`;
    const filter = { table: partition.name, column: "project_id", value: project.id, before: project.cutoff } as const;
    const { rows, maxId } = await archiveEventRows(input.archive, input.tally, filter, prefix);
    if (rows === 0) return;
    upToId = maxId.toString();
  }
  // One bounded statement per batch, each its own transaction: locks and WAL stay small and
  // ingest into the same partition carries on between batches.
  for (;;) {
    const [batch] = await prisma.$queryRawUnsafe<{ rows: number; bytes: bigint }[]>(
      `WITH doomed AS (
         DELETE FROM "${partition.name}" WHERE ctid = ANY(ARRAY(
           SELECT ctid FROM "${partition.name}" WHERE project_id = $1 AND ts < $2 AND id <= $3::bigint LIMIT $4))
         RETURNING size_bytes)
       SELECT count(*)::int AS rows, coalesce(sum(size_bytes), 0)::bigint AS bytes FROM doomed`,
      project.id,
      project.cutoff,
      upToId,
      input.batchSize,
    );
    if (!batch || batch.rows === 0) break;
    input.tally.eventsDeleted += batch.rows;
    input.tally.free(project.orgId, project.id, batch.bytes);
    if (batch.rows < input.batchSize) break;
  }
}
