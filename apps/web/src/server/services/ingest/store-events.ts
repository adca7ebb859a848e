import "server-only";
import { newId, pool } from "@bulwark/db";
import { newLedgerIds, RUN_UPDATES_CHANNEL, usageCtes } from "@bulwark/jobs";
import type { PoolClient, QueryConfig } from "pg";
import { forgetPartitions } from "./partition-days";
import type { PreparedEvent, Rejection } from "./prepare-events";

export interface Stored {
  event: PreparedEvent;
  status: "stored" | "duplicate";
  seq: number | null;
}

interface Outcome {
  ord: number;
  status: "stored" | "duplicate" | "capped";
  /** bigint, as node-postgres returns it: text. */
  seq: string | null;
  max_events: number | null;
}

/**
 * Stores a batch with ONE statement — its own transaction, so nothing is acknowledged before it
 * is committed, and the runs' row locks are held for that statement alone (no application code
 * runs while batches of the same run wait on each other):
 * - `locked` takes the batch's runs FOR UPDATE in id order (concurrent batches cannot deadlock)
 *   and, having waited, reads their latest `event_seq`;
 * - `fresh` drops events already stored and repeats inside the batch (first copy wins). Its
 *   NOT EXISTS is fenced with OFFSET 0, which keeps the planner from turning it into an
 *   anti-join: it stays one probe of the unique (project_id, client_event_id, ts) index per
 *   event, in the one partition the event's time names. As a join, the cached generic plan of a
 *   day's partition planned while it was still nearly empty merge-joined the batch against every
 *   row of the project (measured: 64 ms per batch at 44,000 rows, growing with the table);
 * - `numbered` gives each fresh event of a run the next sequence numbers, in event time order
 *   (arrival order breaks ties), and `accepted` keeps those within the run's cap;
 * - `inserted` writes every accepted row at once from column arrays (`unnest`), ON CONFLICT DO
 *   NOTHING: a concurrent delivery that committed after this statement's snapshot makes the row
 *   a duplicate, at the cost of a gap in the numbers — they stay monotonic, never reused;
 * - `bumped` moves each run's counter to the highest number actually stored (a data-modifying
 *   CTE always runs to completion, read or not);
 * - `written` sums what was inserted, and the usage CTEs record it (EVENT and STORED_BYTES in
 *   the ledger and the day's rollup), so the usage always equals the rows stored;
 * - `notified` NOTIFYs each run that stored events, once, so open run streams on every web
 *   instance send them now rather than at their next poll. Delivered on commit, inside this
 *   statement's transaction: a separate NOTIFY would cost a second commit per batch. (A plain
 *   SELECT CTE runs only when read, hence the count in the final query.)
 * The row locks (the runs', the rollup's) end with the statement — unless an organization's
 * storage limit wraps it in a transaction (store-within-quota.ts) — so concurrent batches of one
 * run wait for each other's statements only, never for a round trip or this process's event loop.
 * It goes through the pool under Prisma (see `pool` in @bulwark/db) as a named (prepared)
 * statement: Prisma's raw path would spend milliseconds of CPU per batch passing the column
 * arrays through its query compiler. (One JSON parameter instead of arrays was tried: the
 * server's JSON parsing made the statement, which holds the run lock, slower.)
 */
const STORE_BATCH = `
  WITH batch AS (
    SELECT * FROM unnest($3::int[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[], string_to_array($9, chr(30))::jsonb[], $10::int[])
      AS b(ord, ts, run_id, turn_id, client_event_id, type, payload, size_bytes)
  ),
  locked AS (
    SELECT id, event_seq, max_events FROM runs
    WHERE id IN (SELECT run_id FROM batch) AND project_id = $2
    ORDER BY id FOR UPDATE
  ),
  fresh AS (
    SELECT DISTINCT ON (b.client_event_id, b.ts) b.* FROM batch b
    WHERE NOT EXISTS (
      SELECT 1 FROM events e WHERE e.project_id = $2 AND e.client_event_id = b.client_event_id AND e.ts = b.ts
      OFFSET 0 -- a per-row index probe, whatever the statistics: see above
    )
    ORDER BY b.client_event_id, b.ts, b.ord
  ),
  numbered AS (
    SELECT f.*, l.max_events,
      CASE WHEN f.run_id IS NULL THEN NULL
           ELSE l.event_seq + row_number() OVER (PARTITION BY f.run_id ORDER BY f.ts, f.ord) END AS seq
    FROM fresh f LEFT JOIN locked l ON l.id = f.run_id
  ),
  accepted AS (
    SELECT * FROM numbered WHERE max_events IS NULL OR seq <= max_events
  ),
  inserted AS (
    INSERT INTO events (ts, org_id, project_id, run_id, turn_id, seq, client_event_id, type, payload, size_bytes)
    SELECT ts, $1, $2, run_id, turn_id, seq, client_event_id, type, payload, size_bytes FROM accepted
    ON CONFLICT (project_id, client_event_id, ts) DO NOTHING
    RETURNING client_event_id, ts, run_id, seq, size_bytes
  ),
  bumped AS (
    UPDATE runs r SET event_seq = GREATEST(r.event_seq, top.seq)
    FROM (SELECT run_id, max(seq) AS seq FROM inserted WHERE run_id IS NOT NULL GROUP BY run_id) top
    WHERE r.id = top.run_id
  ),
  written AS (
    SELECT 0 AS runs, 0 AS turns, 0 AS agent_calls, count(*) AS events, coalesce(sum(size_bytes), 0) AS stored_bytes, 0 AS judge_tokens, 0 AS cost_micros
    FROM inserted
  ),
  notified AS (
    SELECT pg_notify($14, run_id) FROM (SELECT DISTINCT run_id FROM inserted WHERE run_id IS NOT NULL) AS touched
  ),${usageCtes("written", { rollupId: "$11", orgId: "$1", projectId: "$2", runId: "NULL", at: "$12", ledgerIds: "$13" })}
  SELECT b.ord,
    CASE WHEN i.client_event_id IS NOT NULL THEN 'stored'
         WHEN n.ord IS NOT NULL AND n.max_events IS NOT NULL AND n.seq > n.max_events THEN 'capped'
         ELSE 'duplicate' END AS status,
    i.seq, n.max_events
  FROM batch b
  CROSS JOIN (SELECT count(*) FROM notified) AS notices
  LEFT JOIN numbered n ON n.ord = b.ord
  LEFT JOIN inserted i ON n.ord IS NOT NULL AND i.client_event_id = b.client_event_id AND i.ts = b.ts`;

/**
 * The payloads travel as one string, joined by U+001E: JSON text never holds a raw control
 * character (JSON.stringify escapes U+0000–U+001F), and an array literal would have every quote
 * of every payload escaped by node-postgres and unescaped again by the server.
 */
const PAYLOAD_SEPARATOR = "\u001e";

/** The STORE_BATCH statement for these events, recording usage at `at`. */
export function storeBatchStatement(scope: { orgId: string; projectId: string }, events: PreparedEvent[], at: Date): QueryConfig {
  return {
    name: "ingest-store-batch",
    text: STORE_BATCH,
    values: [
      scope.orgId,
      scope.projectId,
      events.map((_, i) => i),
      events.map((e) => e.ts.toISOString()),
      events.map((e) => e.runId),
      events.map((e) => e.turnId),
      events.map((e) => e.clientEventId),
      events.map((e) => e.type),
      events.map((e) => e.payload).join(PAYLOAD_SEPARATOR),
      events.map((e) => e.sizeBytes),
      newId("usage"),
      at.toISOString(),
      newLedgerIds(),
      RUN_UPDATES_CHANNEL,
    ],
  };
}

/**
 * Stores a batch with STORE_BATCH, recording its usage at `at`; each event is stored, a
 * duplicate, or rejected at the run's cap. With `client`, inside that client's transaction (the
 * storage quota's, see store-within-quota.ts).
 */
export async function storeEvents(
  scope: { orgId: string; projectId: string },
  events: PreparedEvent[],
  { client, at = new Date() }: { client?: PoolClient; at?: Date } = {},
): Promise<{ stored: Stored[]; rejected: Rejection[] }> {
  if (events.length === 0) return { stored: [], rejected: [] };
  let outcomes: Outcome[];
  try {
    outcomes = (await (client ?? pool).query<Outcome>(storeBatchStatement(scope, events, at))).rows;
  } catch (error) {
    // A partition dropped since the cached list was read: the retry will reject those items.
    if (error instanceof Error && /no partition of relation/i.test(error.message)) forgetPartitions();
    throw error;
  }

  const stored: Stored[] = [];
  const rejected: Rejection[] = [];
  for (const outcome of outcomes) {
    const event = events[outcome.ord]!;
    if (outcome.status === "capped") {
      rejected.push({
        index: event.index,
        id: event.clientEventId,
        code: "run_event_cap",
        message: `The run has reached its cap of ${outcome.max_events} events and accepts no more.`,
      });
    } else {
      stored.push({ event, status: outcome.status, seq: outcome.status === "stored" && outcome.seq !== null ? Number(outcome.seq) : null });
    }
  }
  return { stored, rejected };
}
