import { ensureEventPartitions, type PrismaClient } from "@bulwark/db";
import type { Logger } from "@bulwark/logger";
import { createBoss, QUEUES } from "./queue";

/** Daily event partitions kept ready ahead of time, so ingest never meets a missing day. */
export const PARTITION_DAYS_AHEAD = 7;

export interface WorkerOptions {
  databaseUrl: string;
  prisma: PrismaClient;
  log: Logger;
}

export interface RunningWorker {
  stop(): Promise<void>;
}

export async function maintainEventPartitions(prisma: PrismaClient, now: Date = new Date()) {
  // Yesterday (an event stamped just before midnight UTC still has a home), today, and the days
  // ahead.
  const from = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  return ensureEventPartitions(prisma, { from, days: PARTITION_DAYS_AHEAD + 2 });
}

/**
 * Starts the queue consumer. The same function runs in the `apps/worker` process and, for the
 * single-node default, inside the web process.
 */
export async function startWorker({ databaseUrl, prisma, log }: WorkerOptions): Promise<RunningWorker> {
  const boss = createBoss(databaseUrl, "worker");
  boss.on("error", (err) => log.error({ err }, "queue error"));
  await boss.start();

  await boss.createQueue(QUEUES.maintainEventPartitions);
  await boss.work(QUEUES.maintainEventPartitions, async () => {
    await maintainEventPartitions(prisma);
  });
  await boss.schedule(QUEUES.maintainEventPartitions, "7 * * * *");

  // Do not wait for the first cron tick: a fresh install must accept events right away.
  await maintainEventPartitions(prisma);
  log.info({ queues: Object.values(QUEUES) }, "worker started");

  return {
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000 });
      log.info("worker stopped");
    },
  };
}
