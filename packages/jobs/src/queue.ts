import { PgBoss } from "pg-boss";

/** Queue names. One place, so producers and the worker cannot disagree. */
export const QUEUES = {
  maintainEventPartitions: "maintenance.event-partitions",
  executeRun: "runs.execute",
  sweepStaleRuns: "maintenance.stale-runs",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export type QueueRole = "producer" | "worker";

/**
 * A pg-boss instance on the application database. Producers (web instances) only enqueue, so
 * they skip supervision and cron; the worker role runs both. Every instance may install or
 * migrate the pg-boss schema, which pg-boss guards with an advisory lock.
 */
export function createBoss(databaseUrl: string, role: QueueRole): PgBoss {
  return new PgBoss({
    connectionString: databaseUrl,
    application_name: `bulwark-${role}`,
    max: role === "worker" ? 6 : 3,
    supervise: role === "worker",
    schedule: role === "worker",
  });
}

/** Throws unless the pg-boss schema is installed and answering. */
export async function checkQueue(boss: PgBoss): Promise<void> {
  if (!(await boss.isInstalled())) throw new Error("the job queue schema is not installed");
}
