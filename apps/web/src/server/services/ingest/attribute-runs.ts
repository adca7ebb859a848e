import "server-only";
import { pool } from "@bulwark/db";
import type { PreparedEvent, Rejection } from "./prepare-events";

/**
 * Sets each event's run: the run id the agent sent (it must be a run of this project), else the
 * run of a given turn, else the project's RUNNING run whose window contains the event. Events
 * about the sidecar itself (drops) stay project-level. Three reads per batch at most, as lean
 * prepared statements on the pool: this runs for every batch, and ORM reads cost more CPU here
 * than the batch's insert (see store-events.ts).
 */
export async function attributeRuns(
  scope: { orgId: string; projectId: string },
  events: PreparedEvent[],
): Promise<{ attributed: PreparedEvent[]; rejected: Rejection[] }> {
  const rejected: Rejection[] = [];
  const named = [...new Set(events.flatMap((e) => (e.runId ? [e.runId] : [])))];
  const turnIds = [...new Set(events.flatMap((e) => (e.turnId ? [e.turnId] : [])))];
  const needsWindow = events.some((e) => !e.runId && !e.turnId && e.type !== "sidecar.dropped");

  const [knownRuns, turns, running] = await Promise.all([
    named.length
      ? pool.query<{ id: string }>({
          name: "ingest-named-runs",
          text: "SELECT id FROM runs WHERE id = ANY($1::text[]) AND org_id = $2 AND project_id = $3",
          values: [named, scope.orgId, scope.projectId],
        })
      : { rows: [] },
    turnIds.length
      ? pool.query<{ id: string; run_id: string }>({
          name: "ingest-named-turns",
          text: "SELECT t.id, t.run_id FROM run_turns t JOIN runs r ON r.id = t.run_id WHERE t.id = ANY($1::text[]) AND t.org_id = $2 AND r.project_id = $3",
          values: [turnIds, scope.orgId, scope.projectId],
        })
      : { rows: [] },
    needsWindow
      ? pool.query<{ id: string; started_at: Date }>({
          name: "ingest-running-runs",
          text: "SELECT id, started_at FROM runs WHERE org_id = $1 AND project_id = $2 AND status = 'RUNNING' AND started_at IS NOT NULL ORDER BY started_at DESC",
          values: [scope.orgId, scope.projectId],
        })
      : { rows: [] },
  ]);
  const runIds = new Set(knownRuns.rows.map((r) => r.id));
  const turnRun = new Map(turns.rows.map((t) => [t.id, t.run_id]));

  const attributed: PreparedEvent[] = [];
  for (const event of events) {
    // Another project's (or org's) run looks exactly like a run that does not exist.
    if (event.runId && !runIds.has(event.runId)) {
      rejected.push({ index: event.index, id: event.clientEventId, code: "run_not_found", message: "The run does not exist in this project." });
      continue;
    }
    if (event.turnId) {
      const owner = turnRun.get(event.turnId);
      if (!owner || (event.runId && owner !== event.runId)) {
        rejected.push({ index: event.index, id: event.clientEventId, code: "turn_not_found", message: "The turn does not exist in this run." });
        continue;
      }
      attributed.push({ ...event, runId: owner });
      continue;
    }
    if (!event.runId && event.type !== "sidecar.dropped") {
      const run = running.rows.find((r) => r.started_at <= event.ts);
      attributed.push({ ...event, runId: run?.id ?? null });
      continue;
    }
    attributed.push(event);
  }
  return { attributed, rejected };
}
