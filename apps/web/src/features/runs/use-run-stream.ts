"use client";

import type { Run } from "@bulwark/contracts";
import { useEffect, useState } from "react";

export interface StreamTurn {
  turnId: string;
  scenarioKey: string;
  variant: string;
  turnIndex: number;
  category: string;
  message?: string;
  outcome?: "ok" | "error";
  verdict?: string;
  detector?: string;
  reason?: string;
}

export interface StreamEgress {
  key: string;
  method: string;
  host: string;
  path: string | null;
  destinationClass: string;
  hits: string[];
  sinkholed: boolean;
}

export interface RunStreamState {
  status: Run["status"];
  stopReason: Run["stopReason"];
  progress: Run["progress"];
  riskScore: number | null;
  story: { seq: number; text: string }[];
  turns: StreamTurn[];
  egress: StreamEgress[];
  findings: number;
  connection: "connecting" | "live" | "reconnecting" | "ended" | "failed";
}

type Json = Record<string, unknown>;

/** Detection hits arrive as objects ({ kind, … }) or bare strings; the table shows their kinds. */
function hitKinds(hits: unknown): string[] {
  if (!Array.isArray(hits)) return [];
  return [...new Set(hits.map((hit) => (typeof hit === "string" ? hit : String((hit as Json)?.kind ?? (hit as Json)?.type ?? "hit"))))];
}

/**
 * Follows /api/v1/runs/{id}/stream. EventSource reconnects by itself and sends Last-Event-ID, so
 * the server resumes past what was seen; turns, story steps and egress are keyed, so a replayed
 * event can never show twice. The stream is closed on `end`, or the browser would reconnect.
 */
export function useRunStream(initial: Run, onEnd: () => void): RunStreamState {
  const [state, setState] = useState<RunStreamState>(() => ({
    status: initial.status,
    stopReason: initial.stopReason,
    progress: initial.progress,
    riskScore: initial.riskScore,
    story: [],
    turns: [],
    egress: [],
    findings: 0,
    connection: "connecting",
  }));

  useEffect(() => {
    const source = new EventSource(`/api/v1/runs/${initial.id}/stream`);
    const on = (event: string, apply: (data: Json, state: RunStreamState) => RunStreamState) =>
      source.addEventListener(event, (message) => {
        const data = JSON.parse((message as MessageEvent<string>).data) as Json;
        setState((current) => apply(data, current));
      });
    const upsertTurn = (data: Json, state: RunStreamState, patch: Partial<StreamTurn>): RunStreamState => {
      const turnId = String(data.turnId);
      const existing = state.turns.find((turn) => turn.turnId === turnId);
      const base: StreamTurn = existing ?? {
        turnId,
        scenarioKey: String(data.scenarioKey ?? ""),
        variant: String(data.variant ?? ""),
        turnIndex: Number(data.turnIndex ?? 0),
        category: String(data.category ?? ""),
      };
      const next = { ...base, ...patch };
      return { ...state, turns: existing ? state.turns.map((turn) => (turn.turnId === turnId ? next : turn)) : [...state.turns, next] };
    };

    source.onopen = () => setState((current) => ({ ...current, connection: "live" }));
    source.onerror = () =>
      setState((current) => (current.connection === "ended" ? current : { ...current, connection: source.readyState === EventSource.CLOSED ? "failed" : "reconnecting" }));
    on("status", (data, state) => ({
      ...state,
      status: data.status as Run["status"],
      stopReason: (data.stopReason ?? null) as Run["stopReason"],
      progress: data.progress as Run["progress"],
      riskScore: (data.riskScore ?? null) as number | null,
    }));
    on("turn_started", (data, state) => upsertTurn(data, state, { message: typeof data.message === "string" ? data.message : undefined }));
    on("turn_finished", (data, state) => upsertTurn(data, state, { outcome: data.outcome === "error" ? "error" : "ok" }));
    on("verdict", (data, state) =>
      upsertTurn(data, state, { verdict: String(data.verdict), detector: data.detector ? String(data.detector) : undefined, reason: data.reason ? String(data.reason) : undefined }),
    );
    on("egress", (data, state) => {
      const key = String(data.eventId ?? `${state.egress.length}`);
      if (state.egress.some((row) => row.key === key)) return state;
      const row: StreamEgress = {
        key,
        method: String(data.method ?? ""),
        host: String(data.host ?? ""),
        path: typeof data.path === "string" ? data.path : null,
        destinationClass: String(data.destinationClass ?? "unknown"),
        hits: hitKinds(data.hits),
        sinkholed: data.sinkholed === true,
      };
      return { ...state, egress: [...state.egress, row] };
    });
    on("story", (data, state) =>
      state.story.some((step) => step.seq === data.seq) ? state : { ...state, story: [...state.story, { seq: Number(data.seq), text: String(data.text) }] },
    );
    on("finding", (_data, state) => ({ ...state, findings: state.findings + 1 }));
    source.addEventListener("end", () => {
      source.close();
      setState((current) => ({ ...current, connection: "ended" }));
      onEnd();
    });
    return () => source.close();
    // The stream belongs to the run: onEnd changing identity must not reopen it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initial.id]);

  return state;
}
