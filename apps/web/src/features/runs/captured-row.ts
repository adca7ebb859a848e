import type { CapturedEvent } from "@bulwark/contracts";

/**
 * One captured event as the run view's table shows it: the egress fields flattened from its
 * redacted data, without the body excerpts (the table never shows them, and 10,000 of them would
 * weigh on the page). Plain module: the server renders the first page with it too.
 */
export interface CapturedRow {
  id: string;
  seq: number | null;
  ts: string;
  type: string;
  method: string;
  host: string;
  path: string | null;
  status: number | null;
  destinationClass: string;
  hits: string[];
  sinkholed: boolean;
}

type Json = Record<string, unknown>;

export function toCapturedRow(event: CapturedEvent): CapturedRow {
  const data = (event.data ?? {}) as Json;
  const hits = Array.isArray(data.hits) ? data.hits.map((hit) => String((hit as Json)?.kind ?? hit)) : [];
  return {
    id: event.id,
    seq: event.seq,
    ts: event.ts,
    type: event.type,
    method: typeof data.method === "string" ? data.method : "",
    host: typeof data.host === "string" ? data.host : "",
    path: typeof data.path === "string" ? data.path : null,
    status: typeof data.status === "number" ? data.status : null,
    destinationClass: typeof data.destinationClass === "string" ? data.destinationClass : event.type,
    hits: [...new Set(hits)],
    sinkholed: data.sinkholed === true,
  };
}

/** The run's events when the page was rendered: `count` up to run seq `throughSeq`, the first page of them, and where the next page starts. */
export interface CapturedSnapshot {
  throughSeq: number;
  count: number;
  first: CapturedRow[];
  nextCursor: string | null;
}
