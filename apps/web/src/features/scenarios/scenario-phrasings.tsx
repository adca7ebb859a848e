"use client";

import type { ScenarioDetail } from "@bulwark/contracts";
import { ErrorMessage, Skeleton } from "@bulwark/ui";
import { useState } from "react";
import { ApiError, apiFetch } from "@/features/shared/api-client";

type Json = Record<string, unknown>;
const VARIANT_LABEL: Record<string, string> = { direct: "Direct", role_play: "Role-play", encoded: "Encoded" };

/** A scenario's turns in every phrasing, fetched the first time the disclosure is opened. */
export function ScenarioPhrasings({ scenarioKey }: { scenarioKey: string }) {
  const [state, setState] = useState<{ status: "closed" | "loading" } | { status: "ready"; detail: ScenarioDetail } | { status: "error"; error: ApiError }>({ status: "closed" });
  return (
    <details
      onToggle={(event) => {
        if (!(event.currentTarget as HTMLDetailsElement).open || state.status !== "closed") return;
        setState({ status: "loading" });
        apiFetch<ScenarioDetail>(`/api/v1/scenarios/${encodeURIComponent(scenarioKey)}`)
          .then((detail) => setState({ status: "ready", detail }))
          .catch((caught: unknown) => setState({ status: "error", error: caught instanceof ApiError ? caught : new ApiError("The scenario could not be loaded.", 0, "network", undefined) }));
      }}
    >
      <summary className="cursor-pointer text-xs text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-600">Phrasings</summary>
      <div className="mt-2">
        {state.status === "loading" ? (
          <div role="status" className="space-y-2">
            <span className="sr-only">Loading phrasings…</span>
            <Skeleton className="h-4" />
            <Skeleton className="h-4" />
          </div>
        ) : state.status === "error" ? (
          <ErrorMessage title="Could not load the phrasings" message={state.error.message} requestId={state.error.requestId} />
        ) : state.status === "ready" ? (
          <ol aria-label={`Turns of ${scenarioKey}`} className="space-y-3">
            {(Array.isArray(state.detail.document.turns) ? (state.detail.document.turns as Json[]) : []).map((turn, index) => (
              <li key={index} className="space-y-1">
                <p className="text-xs font-medium text-fg-muted">
                  Turn {index + 1}
                  {turn.judge === false ? " (sets the stage, not judged)" : ""}
                </p>
                <dl className="grid gap-1 text-sm sm:grid-cols-[6rem_1fr]">
                  {Object.entries((turn.phrasings ?? {}) as Record<string, string>).map(([variant, text]) => (
                    <div key={variant} className="contents">
                      <dt className="text-xs text-fg-muted">{VARIANT_LABEL[variant] ?? variant}</dt>
                      <dd className="break-words whitespace-pre-wrap">{text}</dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ol>
        ) : null}
      </div>
    </details>
  );
}
