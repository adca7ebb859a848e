"use client";

import type { CreateRunInput, RunEstimate } from "@bulwark/contracts";
import { useEffect, useState } from "react";
import { ApiError, apiFetch } from "@/features/shared/api-client";

export type EstimateState =
  | { status: "idle" }
  | { status: "loading"; previous: RunEstimate | null }
  | { status: "ready"; estimate: RunEstimate }
  | { status: "error"; error: ApiError };

const DEBOUNCE_MS = 300;

/**
 * Asks the server what `input` would cost and whether it fits every limit, again each time the
 * selection settles for a moment. A newer selection aborts the older request, so an answer never
 * describes a selection that is no longer on screen. `input` null (invalid) asks nothing.
 */
export function useRunEstimate(projectId: string, input: CreateRunInput | null): EstimateState {
  const [state, setState] = useState<EstimateState>({ status: "idle" });
  const key = input ? JSON.stringify(input) : null;

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setState((current) => ({ status: "loading", previous: current.status === "ready" ? current.estimate : current.status === "loading" ? current.previous : null }));
      apiFetch<RunEstimate>(`/api/v1/projects/${projectId}/runs/estimate`, { method: "POST", body: JSON.parse(key) as unknown, signal: controller.signal })
        .then((estimate) => setState({ status: "ready", estimate }))
        .catch((caught: unknown) => {
          if (controller.signal.aborted) return;
          setState({ status: "error", error: caught instanceof ApiError ? caught : new ApiError("The estimate could not be fetched. Check your connection.", 0, "network", undefined) });
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [projectId, key]);

  return key === null ? { status: "idle" } : state;
}
