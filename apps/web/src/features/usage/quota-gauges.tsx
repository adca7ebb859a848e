import type { QuotaName, QuotaStatus } from "@bulwark/contracts";
import { Card, DateTime, Table, TBody, Td, Th, THead } from "@bulwark/ui";

const LABELS: Record<QuotaName, string> = {
  projects_per_org: "Projects",
  runs_per_project_per_day: "Runs per project today (busiest project)",
  runs_per_org_per_day: "Runs today",
  runs_per_org_per_month: "Runs this month",
  concurrent_runs: "Concurrent runs",
  events_per_run: "Egress events per run",
  stored_bytes: "Stored data",
  turns_per_run: "Turns per run",
  runtime_seconds_per_run: "Runtime per run",
  agent_calls_per_run: "Agent calls per run",
  judge_tokens_per_run: "Judge tokens per run",
  cost_micros_per_run: "Cost per run",
  cost_micros_per_day: "Cost today",
};

function formatAmount(quota: QuotaName, value: number): string {
  if (quota === "stored_bytes") return value >= 1_048_576 ? `${(value / 1_048_576).toFixed(1)} MiB` : `${(value / 1024).toFixed(1)} KiB`;
  if (quota.startsWith("cost_micros")) return `$${(value / 1_000_000).toFixed(2)}`;
  if (quota === "runtime_seconds_per_run") return `${Math.round(value / 60)} min`;
  return value.toLocaleString("en-US");
}

/** Org and project quotas as gauges (used of limit, when it resets); per-run caps as a table, since they have no running use. */
export function QuotaGauges({ quotas }: { quotas: QuotaStatus[] }) {
  const running = quotas.filter((quota) => quota.scope !== "run");
  const perRun = quotas.filter((quota) => quota.scope === "run");
  return (
    <>
      <ul aria-label="Quotas" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {running.map((quota) => {
          const share = quota.limit === null ? null : Math.min(100, quota.percent ?? 0);
          const tone = share === null ? "bg-brand-600" : share >= 90 ? "bg-danger-700" : share >= 70 ? "bg-warning-800" : "bg-success-800";
          const label = LABELS[quota.quota];
          const text = quota.limit === null ? `${formatAmount(quota.quota, quota.used)} used, no limit` : `${formatAmount(quota.quota, quota.used)} of ${formatAmount(quota.quota, quota.limit)}`;
          return (
            <li key={quota.quota}>
              <Card className="h-full">
                <p className="text-sm font-medium">{label}</p>
                <p className="mt-1 text-sm tabular-nums text-fg-muted">{text}</p>
                <div
                  role="meter"
                  aria-label={label}
                  aria-valuemin={0}
                  aria-valuemax={quota.limit ?? Math.max(quota.used, 1)}
                  aria-valuenow={quota.used}
                  aria-valuetext={text}
                  className="mt-2 h-2.5 overflow-hidden rounded-full bg-surface-muted ring-1 ring-inset ring-border"
                >
                  <div className={`h-full ${tone}`} style={{ width: `${share ?? 0}%` }} />
                </div>
                <p className="mt-2 text-xs text-fg-muted">{quota.resetAt ? <>Resets <DateTime value={quota.resetAt} /></> : "Does not reset: frees up as use goes down."}</p>
              </Card>
            </li>
          );
        })}
      </ul>
      {perRun.length > 0 ? (
        <div className="mt-6">
          <Table>
            <caption className="px-4 py-2 text-left text-sm font-semibold">Caps each run carries</caption>
            <THead>
              <tr>
                <Th>Cap</Th>
                <Th>Limit per run</Th>
              </tr>
            </THead>
            <TBody>
              {perRun.map((quota) => (
                <tr key={quota.quota}>
                  <Td>{LABELS[quota.quota]}</Td>
                  <Td className="tabular-nums">{quota.limit === null ? "No limit" : formatAmount(quota.quota, quota.limit)}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        </div>
      ) : null}
    </>
  );
}
