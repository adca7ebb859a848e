import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { EgressHttpData, IngestEvent } from "@bulwark/contracts";

export type EgressData = z.infer<typeof EgressHttpData>;

const RUN_ID = /^run_[0-9a-z]{26}$/;
const TURN_ID = /^trn_[0-9a-z]{26}$/;

export const RUN_HEADER = "x-bulwark-run-id";
export const TURN_HEADER = "x-bulwark-turn-id";

function single(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value)?.trim();
}

/** Run and turn ids from the agent's headers; malformed ones are ignored (never sent to be rejected). */
export function attribution(headers: Record<string, string | string[] | undefined>): { runId?: string; turnId?: string } {
  const runId = single(headers[RUN_HEADER]);
  const turnId = single(headers[TURN_HEADER]);
  return {
    ...(runId && RUN_ID.test(runId) ? { runId } : {}),
    ...(turnId && TURN_ID.test(turnId) ? { turnId } : {}),
  };
}

export function egressEvent(startedAt: number, ids: { runId?: string; turnId?: string }, data: EgressData): IngestEvent {
  return { id: randomUUID(), type: "egress.http", ts: new Date(startedAt).toISOString(), ...ids, data };
}

export function droppedEvent(count: number): IngestEvent {
  return { id: randomUUID(), type: "sidecar.dropped", ts: new Date().toISOString(), data: { count } };
}
