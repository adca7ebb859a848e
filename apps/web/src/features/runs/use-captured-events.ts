"use client";

import type { CapturedEvent } from "@bulwark/contracts";
import { useCallback, useEffect, useState } from "react";
import { ApiError, apiFetch } from "@/features/shared/api-client";
import { type CapturedRow, type CapturedSnapshot, toCapturedRow } from "./captured-row";

interface CapturedState {
  rows: CapturedRow[];
  ids: Set<string>;
  /** Rows numbered past the page's snapshot: the total is the snapshot's count plus these. */
  newer: number;
}

// The server renders the first page; the rest come in the API's largest pages.
const PAGE_SIZE = 500;

/** Oldest first, as the list API orders them: event time, then arrival (the server id). */
function before(a: CapturedRow, b: CapturedRow): number {
  return a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function merge(state: CapturedState, incoming: CapturedRow[], throughSeq: number): CapturedState {
  const fresh = incoming.filter((row) => !state.ids.has(row.id));
  if (fresh.length === 0) return state;
  const ids = new Set(state.ids);
  for (const row of fresh) ids.add(row.id);
  const rows = state.rows.concat(fresh);
  // Pages arrive in order and live events are mostly newest: sort only when one lands behind.
  const last = state.rows.at(-1);
  if (last && before(fresh[0]!, last) < 0) rows.sort(before);
  else if (fresh.some((row, i) => i > 0 && before(row, fresh[i - 1]!) < 0)) rows.sort(before);
  const newer = state.newer + fresh.filter((row) => row.seq !== null && row.seq > throughSeq).length;
  return { rows, ids, newer };
}

export interface CapturedEvents {
  rows: CapturedRow[];
  /** Every event the run has captured, including pages not loaded yet. */
  total: number;
  /** The snapshot's run sequence number: the run stream sends the events after it. */
  throughSeq: number;
  loading: boolean;
  error: ApiError | null;
  retry: () => void;
  /** Live events from the run stream (numbered after `throughSeq`). */
  add: (events: CapturedEvent[]) => void;
}

/**
 * A run's captured events: the ones stored when the page was rendered (`count` of them, up to
 * run sequence number `throughSeq`) arrive with the page's first rows, and the rest are paged
 * from the events API after first paint; newer ones come from the run stream. All land in one
 * set keyed by event id, so an event seen twice shows once and the total stays exact.
 */
export function useCapturedEvents({ projectId, runId, snapshot }: { projectId: string; runId: string; snapshot: CapturedSnapshot }): CapturedEvents {
  // The first render's snapshot: a refreshed page (the run ending) brings a newer count, which
  // must not be added to the events this view already counted.
  const [{ throughSeq, count, first, nextCursor }] = useState(snapshot);
  const [state, setState] = useState<CapturedState>(() => merge({ rows: [], ids: new Set(), newer: 0 }, first, throughSeq));
  const [loading, setLoading] = useState(nextCursor !== null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  const add = useCallback((events: CapturedEvent[]) => setState((current) => merge(current, events.map(toCapturedRow), throughSeq)), [throughSeq]);

  useEffect(() => {
    if (nextCursor === null) return;
    let canceled = false;
    void (async () => {
      // A retry starts over: rows already shown are skipped by id.
      let cursor: string | null = attempt === 0 ? nextCursor : null;
      do {
        const query: string = new URLSearchParams({ runId, limit: String(PAGE_SIZE), ...(cursor ? { cursor } : {}) }).toString();
        const page: { data: CapturedEvent[]; nextCursor: string | null } = await apiFetch(`/api/v1/projects/${projectId}/events?${query}`);
        if (canceled) return;
        add(page.data);
        cursor = page.nextCursor;
      } while (cursor);
      setLoading(false);
    })().catch((caught: unknown) => {
      if (canceled) return;
      setError(caught instanceof ApiError ? caught : new ApiError("The captured events could not be loaded.", 0, "network_error", undefined));
      setLoading(false);
    });
    return () => {
      canceled = true;
    };
  }, [projectId, runId, nextCursor, add, attempt]);

  const retry = useCallback(() => {
    setError(null);
    setLoading(true);
    setAttempt((n) => n + 1);
  }, []);

  return { rows: state.rows, total: count + state.newer, throughSeq, loading, error, retry, add };
}
