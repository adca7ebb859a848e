import { Badge, Card, DateTime } from "@bulwark/ui";
import type { ReactNode } from "react";
import type { MetricsSummary } from "@/server/services/platform/get-metrics-summary";

function Figure({ label, value, warn = false, hint }: { label: string; value: ReactNode; warn?: boolean; hint?: string }) {
  return (
    <div>
      <dt className="text-xs text-fg-muted">{label}</dt>
      <dd className="mt-1 flex items-center gap-2 text-lg font-semibold tabular-nums text-fg">
        {value}
        {warn && hint ? <Badge tone="warning">{hint}</Badge> : null}
      </dd>
    </div>
  );
}

function duration(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

/** The installation's key figures (the ones Prometheus scrapes), read when the page renders. */
export function PlatformHealth({ summary }: { summary: MetricsSummary }) {
  const { recentTurns: turns, openFindings: findings } = summary;
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <Card>
        <h3 className="mb-3 text-sm font-medium text-fg">Runs and workers</h3>
        <dl className="grid grid-cols-2 gap-3">
          <Figure label="Queued" value={summary.queuedRuns} />
          <Figure label="Running" value={summary.runningRuns} />
          <Figure label="Busy workers" value={summary.busyWorkers} />
          <Figure label="Stuck runs" value={summary.staleRuns} warn={summary.staleRuns > 0} hint="lease lapsed" />
        </dl>
      </Card>
      <Card>
        <h3 className="mb-3 text-sm font-medium text-fg">Backlog</h3>
        <dl className="grid grid-cols-2 gap-3">
          <Figure label="Jobs waiting" value={summary.queueDepth} />
          <Figure label="Oldest queued run" value={summary.queuedRuns > 0 ? duration(summary.oldestQueuedRunAgeSeconds) : "—"} />
          <Figure label="Open critical findings" value={findings.critical} />
          <Figure label="Open high findings" value={findings.high} />
        </dl>
        <p className="mt-3 text-xs text-fg-muted">
          As of <DateTime value={summary.collectedAt} />
        </p>
      </Card>
      <Card>
        <h3 className="mb-3 text-sm font-medium text-fg">Turns of runs from the last 24 hours</h3>
        <dl className="grid grid-cols-2 gap-3">
          <Figure label="Failed" value={turns.fail} />
          <Figure label="Passed" value={turns.pass} />
          <Figure label="Inconclusive" value={turns.inconclusive} />
          <Figure label="Not judged yet" value={turns.pending} />
        </dl>
      </Card>
    </div>
  );
}
