"use client";

import type { QuotaName, RunEstimate } from "@bulwark/contracts";
import { Callout, ErrorMessage, Skeleton } from "@bulwark/ui";
import type { EstimateState } from "./use-run-estimate";

const number = new Intl.NumberFormat("en-US");
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 4 });

/** A quota's amount in its own unit: micro-dollars as dollars, bytes as MiB, the rest as counts. */
function amount(quota: QuotaName, value: number): string {
  if (quota.startsWith("cost_micros")) return usd.format(value / 1_000_000);
  if (quota === "stored_bytes") return `${number.format(Math.round(value / 1024 / 1024))} MiB`;
  if (quota === "runtime_seconds_per_run") return duration(value);
  return number.format(value);
}

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${seconds % 60} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const quotaLabel = (quota: QuotaName) => quota.replace("cost_micros", "cost").replaceAll("_", " ");

function Breach({ quota }: { quota: RunEstimate["quotas"][number] }) {
  return (
    <li>
      <span className="font-medium">{quotaLabel(quota.quota)}</span>: {amount(quota.quota, quota.used)} used + {amount(quota.quota, quota.wouldUse)} for this run, limit{" "}
      {quota.limit === null ? "none" : amount(quota.quota, quota.limit)}
    </li>
  );
}

/**
 * What the selection would cost and whether it may start, before it starts. Its height does not
 * depend on the state (numbers are replaced in place), so the form below never jumps.
 */
export function RunEstimatePanel({ state }: { state: EstimateState }) {
  const estimate = state.status === "ready" ? state.estimate : state.status === "loading" ? state.previous : null;
  const blocking = estimate?.quotas.filter((quota) => quota.blocking && !quota.fits) ?? [];
  const capped = estimate?.quotas.filter((quota) => !quota.blocking && !quota.fits) ?? [];

  return (
    <section aria-labelledby="run-estimate-title" aria-busy={state.status === "loading"} className="space-y-3 rounded-md border border-border bg-surface-muted p-4">
      <div className="flex items-center justify-between gap-2">
        <h3 id="run-estimate-title" className="text-sm font-semibold text-fg">
          Estimate
        </h3>
        <p role="status" className="text-xs text-fg-muted">
          {state.status === "loading" ? "Updating…" : state.status === "idle" ? "Fix the highlighted fields to see it" : ""}
        </p>
      </div>
      <dl className={`grid grid-cols-2 gap-3 text-sm sm:grid-cols-4 ${state.status === "loading" ? "opacity-60" : ""}`}>
        <Figure label="Turns" value={estimate ? number.format(estimate.turns) : null} />
        <Figure label="Agent calls" value={estimate ? number.format(estimate.agentCalls) : null} />
        <Figure label="Estimated cost" value={estimate ? usd.format(estimate.costUsd) : null} />
        <Figure label="Estimated duration" value={estimate ? duration(estimate.durationSeconds) : null} />
      </dl>
      {state.status === "error" ? <ErrorMessage title="No estimate for this selection" message={state.error.message} requestId={state.error.requestId} /> : null}
      {estimate && blocking.length > 0 ? (
        <Callout tone="danger" title="This run cannot start now">
          <ul className="list-disc pl-5">
            {blocking.map((quota) => (
              <Breach key={quota.quota} quota={quota} />
            ))}
          </ul>
        </Callout>
      ) : null}
      {estimate && capped.length > 0 ? (
        <Callout tone="warning" title="The run will stop at a cap before finishing its plan">
          <ul className="list-disc pl-5">
            {capped.map((quota) => (
              <Breach key={quota.quota} quota={quota} />
            ))}
          </ul>
        </Callout>
      ) : null}
      {estimate && blocking.length === 0 && capped.length === 0 ? <p className="text-xs text-success-800">Fits every limit of your plan.</p> : null}
    </section>
  );
}

function Figure({ label, value }: { label: string; value: string | null }) {
  return (
    <div>
      <dt className="text-xs text-fg-muted">{label}</dt>
      <dd className="h-6 font-semibold tabular-nums">{value ?? <Skeleton className="mt-1 h-4 w-16" />}</dd>
    </div>
  );
}
