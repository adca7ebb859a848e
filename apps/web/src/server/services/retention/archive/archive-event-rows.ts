import { prisma } from "@bulwark/db";
import type { RetentionTally } from "../retention-tally";
import { archiveOrStop } from "./archive-or-stop";
import type { ArchiveStore } from "./archive-store";

/** Rows per NDJSON object: bounds memory and the size of one PUT. */
const ROWS_PER_OBJECT = 50_000;

export interface EventRowFilter {
  /** A partition `events_pYYYYMMDD` (a name from listEventPartitions, never input) or `events`. */
  table: string;
  column: "project_id" | "run_id";
  value: string;
  /** Only rows strictly before this instant; none = all. */
  before?: Date;
}

/**
 * Writes the matching events as NDJSON objects `<prefix>/part-00001.ndjson`… (keyset-paged on
 * ts, id) and returns how many rows and the highest id archived, so the delete that follows can
 * stop at exactly what was archived.
 */
export async function archiveEventRows(store: ArchiveStore, tally: RetentionTally, filter: EventRowFilter, prefix: string) {
  let rows = 0;
  let maxId = 0n;
  let cursor: { ts: Date; id: string } | null = null;
  for (let part = 1; ; part++) {
    const page: { id: string; ts: Date }[] = await prisma.$queryRawUnsafe(
      `SELECT id::text AS id, ts, org_id AS "orgId", project_id AS "projectId", run_id AS "runId", turn_id AS "turnId",
              seq::text AS seq, client_event_id AS "clientEventId", type, payload, size_bytes AS "sizeBytes", created_at AS "createdAt"
       FROM "${filter.table}"
       WHERE ${filter.column} = $1 AND ts < $2 AND (ts, id) > ($3::timestamptz, $4::bigint)
       ORDER BY ts, id LIMIT ${ROWS_PER_OBJECT}`,
      filter.value,
      filter.before ?? new Date("9999-12-31T00:00:00Z"),
      cursor?.ts ?? new Date(0),
      cursor?.id ?? "0",
    );
    if (page.length === 0) break;
    const body = page.map((row) => JSON.stringify(row)).join("\n") + "\n";
    await archiveOrStop(store, tally, `${prefix}/part-${String(part).padStart(5, "0")}.ndjson`, body, "application/x-ndjson");
    rows += page.length;
    for (const row of page) if (BigInt(row.id) > maxId) maxId = BigInt(row.id);
    const last = page.at(-1)!;
    cursor = { ts: last.ts, id: last.id };
    if (page.length < ROWS_PER_OBJECT) break;
  }
  return { rows, maxId };
}
