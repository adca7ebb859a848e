import "server-only";
import { pool } from "@bulwark/db";
import { RUN_UPDATES_CHANNEL } from "@bulwark/jobs";
import { log } from "@/server/log";

// One statement (and round trip) per batch whatever number of runs it touched: a NOTIFY per
// event would cost the ingest path a round trip each.
const NOTIFY_RUNS = `SELECT pg_notify($1, run_id) FROM unnest($2::text[]) AS run_id`;

/**
 * Tells every web instance that these runs captured new events, so open run streams send them
 * now rather than at their next poll. Called after the batch committed (a NOTIFY is delivered
 * on commit anyway, and the run locks are already released). Best effort: a lost notice only
 * delays the events until that poll.
 */
export async function notifyRunEvents(runIds: string[]): Promise<void> {
  if (runIds.length === 0) return;
  await pool.query({ name: "ingest-notify-runs", text: NOTIFY_RUNS, values: [RUN_UPDATES_CHANNEL, runIds] }).catch((err: unknown) => {
    log.warn({ err }, "could not notify run streams of new events; they will poll");
  });
}
