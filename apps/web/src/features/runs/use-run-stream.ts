"use client";

import type { CapturedEvent, Run } from "@bulwark/contracts";
import { useEffect, useRef, useState } from "react";

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

export interface RunStreamState {
  status: Run["status"];
  stopReason: Run["stopReason"];
  progress: Run["progress"];
  riskScore: number | null;
  story: { seq: number; text: string }[];
  turns: StreamTurn[];
  findings: number;
  connection: "connecting" | "live" | "reconnecting" | "ended" | "failed";
}

type Json = Record<string, unknown>;

/**
 * Follows /api/v1/runs/{id}/stream. EventSource reconnects by itself and sends Last-Event-ID, so
 * the server resumes past what was seen; turns and story steps are keyed here, captured events by
 * id in useCapturedEvents, so a replayed event can never show twice. The stream is closed on `end`, or the browser would reconnect.
 * Captured events past `capturedAfter` go to `onCaptured` (the page loads the earlier ones).
 */
export function useRunStream(
  initial: Run,
  onEnd: () => void,
  { capturedAfter, onCaptured }: { capturedAfter: number; onCaptured: (events: CapturedEvent[]) => void },
): RunStreamState {
  const capturedHandler = useRef(onCaptured);
  useEffect(() => {
    capturedHandler.current = onCaptured;
  }, [onCaptured]);
  const [state, setState] = useState<RunStreamState>(() => ({
    status: initial.status,
    stopReason: initial.stopReason,
    progress: initial.progress,
    riskScore: initial.riskScore,
    story: [],
    turns: [],
    findings: 0,
    connection: "connecting",
  }));

  useEffect(() => {
    // On reconnect the browser sends Last-Event-ID, which the server prefers to capturedAfter.
    const source = new EventSource(`/api/v1/runs/${initial.id}/stream?capturedAfter=${capturedAfter}`);
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
    source.addEventListener("captured", (message) => {
      const data = JSON.parse((message as MessageEvent<string>).data) as { events: CapturedEvent[] };
      capturedHandler.current(data.events);
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
  }, [initial.id, capturedAfter]);

  return state;
}
