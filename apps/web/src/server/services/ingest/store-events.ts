import "server-only";
import { prisma } from "@bulwark/db";
import { forgetPartitions } from "./partition-days";
import type { PreparedEvent, Rejection } from "./prepare-events";

export interface Stored {
  event: PreparedEvent;
  status: "stored" | "duplicate";
  seq: number | null;
}

const key = (e: { clientEventId: string; ts: Date }) => `${e.clientEventId}\u0000${e.ts.getTime()}`;

/**
 * Stores a batch in one transaction, so nothing is acknowledged before it is committed:
 * 1. lock the batch's runs (in id order, so concurrent batches cannot deadlock);
 * 2. find events already stored — after the lock, so a concurrent replay of the same batch sees
 *    the first delivery's rows and takes no sequence numbers for them;
 * 3. take sequence numbers with one `UPDATE runs … RETURNING` per run, up to the run's cap;
 * 4. insert every row with ONE statement (`unnest` of column arrays), ON CONFLICT DO NOTHING —
 *    which also settles replays of events without a run, which take no lock.
 */
export async function storeEvents(scope: { orgId: string; projectId: string }, events: PreparedEvent[]): Promise<{ stored: Stored[]; rejected: Rejection[] }> {
  if (events.length === 0) return { stored: [], rejected: [] };
  try {
    return await prisma.$transaction(async (tx) => {
      const runIds = [...new Set(events.flatMap((e) => (e.runId ? [e.runId] : [])))].sort();
      const runs = runIds.length
        ? await tx.$queryRaw<{ id: string; event_seq: bigint; max_events: number | null }[]>`
            SELECT id, event_seq, max_events FROM runs WHERE id = ANY(${runIds}::text[]) ORDER BY id FOR UPDATE`
        : [];

      // A semi-join probes the unique (project_id, client_event_id, ts) index once per key; a
      // plain join over the batch's time window would scan every event of the project in it.
      const existing = await tx.$queryRaw<{ client_event_id: string; ts: Date }[]>`
        SELECT k.client_event_id, k.ts
        FROM unnest(${events.map((e) => e.clientEventId)}::text[], ${events.map((e) => e.ts.toISOString())}::timestamptz[]) AS k(client_event_id, ts)
        WHERE EXISTS (
          SELECT 1 FROM events e
          WHERE e.project_id = ${scope.projectId} AND e.client_event_id = k.client_event_id AND e.ts = k.ts
        )`;
      const seen = new Set(existing.map((row) => key({ clientEventId: row.client_event_id, ts: row.ts })));

      const stored: Stored[] = [];
      const rejected: Rejection[] = [];
      const fresh: PreparedEvent[] = [];
      for (const event of events) {
        const k = key(event);
        if (seen.has(k)) stored.push({ event, status: "duplicate", seq: null });
        else {
          seen.add(k); // a repeat inside the batch is a duplicate of its first copy
          fresh.push(event);
        }
      }

      // Sequence numbers follow event time within a run; arrival order breaks ties.
      const seqOf = new Map<PreparedEvent, number>();
      const accepted: PreparedEvent[] = fresh.filter((e) => !e.runId);
      for (const run of runs) {
        const mine = fresh.filter((e) => e.runId === run.id).sort((a, b) => a.ts.getTime() - b.ts.getTime() || a.index - b.index);
        if (mine.length === 0) continue;
        const room = run.max_events === null ? mine.length : Math.max(0, run.max_events - Number(run.event_seq));
        const granted = Math.min(room, mine.length);
        if (granted > 0) {
          const [after] = await tx.$queryRaw<{ event_seq: bigint }[]>`
            UPDATE runs SET event_seq = event_seq + ${granted} WHERE id = ${run.id} RETURNING event_seq`;
          const first = Number(after!.event_seq) - granted + 1;
          mine.slice(0, granted).forEach((e, i) => {
            seqOf.set(e, first + i);
            accepted.push(e);
          });
        }
        for (const e of mine.slice(granted)) {
          rejected.push({
            index: e.index,
            id: e.clientEventId,
            code: "run_event_cap",
            message: `The run has reached its cap of ${run.max_events} events and accepts no more.`,
          });
        }
      }

      if (accepted.length > 0) {
        const inserted = await tx.$queryRaw<{ client_event_id: string; ts: Date }[]>`
          INSERT INTO events (ts, org_id, project_id, run_id, turn_id, seq, client_event_id, type, payload, size_bytes)
          SELECT r.ts, ${scope.orgId}, ${scope.projectId}, r.run_id, r.turn_id, r.seq, r.client_event_id, r.type, r.payload, r.size_bytes
          FROM unnest(
            ${accepted.map((e) => e.ts.toISOString())}::timestamptz[],
            ${accepted.map((e) => e.runId)}::text[],
            ${accepted.map((e) => e.turnId)}::text[],
            ${accepted.map((e) => seqOf.get(e) ?? null)}::bigint[],
            ${accepted.map((e) => e.clientEventId)}::text[],
            ${accepted.map((e) => e.type)}::text[],
            ${accepted.map((e) => e.payload)}::jsonb[],
            ${accepted.map((e) => e.sizeBytes)}::int[]
          ) AS r(ts, run_id, turn_id, seq, client_event_id, type, payload, size_bytes)
          ON CONFLICT (project_id, client_event_id, ts) DO NOTHING
          RETURNING client_event_id, ts`;
        const written = new Set(inserted.map((row) => key({ clientEventId: row.client_event_id, ts: row.ts })));
        for (const e of accepted) {
          // Not written: a concurrent delivery of the same run-less event committed first.
          stored.push(written.has(key(e)) ? { event: e, status: "stored", seq: seqOf.get(e) ?? null } : { event: e, status: "duplicate", seq: null });
        }
      }
      return { stored, rejected };
    });
  } catch (error) {
    // A partition dropped since the cached list was read: the retry will reject those items.
    if (error instanceof Error && /no partition of relation/i.test(error.message)) forgetPartitions();
    throw error;
  }
}
