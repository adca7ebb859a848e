import "server-only";
import { Gauge, type Registry } from "prom-client";
import { log } from "@/server/log";
import { getPlatformSnapshot, type PlatformSnapshot } from "./platform-snapshot";

type Fill = (gauge: Gauge, snapshot: PlatformSnapshot) => void;

const families: { name: string; help: string; labelNames: string[]; fill: Fill }[] = [
  {
    name: "bulwark_runs",
    help: "Runs by status (all runs the database holds).",
    labelNames: ["status"],
    fill: (g, s) => {
      for (const [status, count] of Object.entries(s.runsByStatus)) g.set({ status: status.toLowerCase() }, count);
    },
  },
  {
    name: "bulwark_busy_workers",
    help: "Workers holding a live lease on a running run.",
    labelNames: [],
    fill: (g, s) => g.set(s.busyWorkers),
  },
  {
    name: "bulwark_stale_runs",
    help: "Running runs whose worker lease has lapsed (lost workers not yet swept).",
    labelNames: [],
    fill: (g, s) => g.set(s.staleRuns),
  },
  {
    name: "bulwark_oldest_queued_run_age_seconds",
    help: "Age of the oldest run still waiting for a worker (0 when none waits).",
    labelNames: [],
    fill: (g, s) => g.set(s.oldestQueuedRunAgeSeconds),
  },
  {
    name: "bulwark_recent_turns",
    help: "Turns of the runs created in the last 24 hours, by scenario category and verdict (pending: not judged yet).",
    labelNames: ["category", "verdict"],
    fill: (g, s) => {
      for (const t of s.recentTurns) g.set({ category: t.category, verdict: t.verdict.toLowerCase() }, t.count);
    },
  },
  {
    name: "bulwark_open_findings",
    help: "Open or confirmed findings, by severity.",
    labelNames: ["severity"],
    fill: (g, s) => {
      for (const [severity, count] of Object.entries(s.openFindingsBySeverity)) g.set({ severity: severity.toLowerCase() }, count);
    },
  },
  {
    name: "bulwark_queue_depth",
    help: "Jobs ready to run and waiting for a worker, by pg-boss queue (the autoscaling signal).",
    labelNames: ["queue"],
    fill: (g, s) => {
      for (const q of s.queues) g.set({ queue: q.queue }, q.ready);
    },
  },
  {
    name: "bulwark_queue_deferred_jobs",
    help: "Jobs scheduled for later (retries, schedules), by pg-boss queue.",
    labelNames: ["queue"],
    fill: (g, s) => {
      for (const q of s.queues) g.set({ queue: q.queue }, q.deferred);
    },
  },
  {
    name: "bulwark_queue_active_jobs",
    help: "Jobs a worker is processing, by pg-boss queue.",
    labelNames: ["queue"],
    fill: (g, s) => {
      for (const q of s.queues) g.set({ queue: q.queue }, q.active);
    },
  },
];

/**
 * Gauges filled at scrape time from one shared snapshot of the database. The registry collects
 * its families concurrently, so each gauge awaits the snapshot itself; they all get the same
 * cached read. When the database does not answer, these families come out empty (rather than
 * with stale numbers) and bulwark_platform_snapshot_success is 0.
 */
export function registerPlatformGauges(registry: Registry): void {
  for (const family of families) {
    new Gauge({
      name: family.name,
      help: family.help,
      labelNames: family.labelNames,
      registers: [registry],
      async collect() {
        this.reset();
        const snapshot = await getPlatformSnapshot().catch(() => null);
        if (snapshot) family.fill(this, snapshot);
      },
    });
  }
  new Gauge({
    name: "bulwark_platform_snapshot_success",
    help: "1 when the scrape-time read of runs, findings and queues succeeded, else 0.",
    registers: [registry],
    async collect() {
      try {
        await getPlatformSnapshot();
        this.set(1);
      } catch (err) {
        log.warn({ err }, "metrics: platform snapshot failed");
        this.set(0);
      }
    },
  });
}
