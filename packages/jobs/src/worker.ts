import { randomBytes } from "node:crypto";
import os from "node:os";
import { ensureEventPartitions, type PrismaClient } from "@bulwark/db";
import type { Logger } from "@bulwark/logger";
import type { LlmJudgeConfig } from "@bulwark/redteam";
import { createBoss, QUEUES } from "./queue";
import { executeRun, platformKeys, RUN_LEASE_MS, type RunJob, sweepStaleRuns } from "./runs";

/** Daily event partitions kept ready ahead of time, so ingest never meets a missing day. */
export const PARTITION_DAYS_AHEAD = 7;

export interface WorkerOptions {
  databaseUrl: string;
  prisma: PrismaClient;
  log: Logger;
  /** Derives the keys that open connector secrets and plant canaries (the web app's AUTH_SECRET). */
  authSecret: string;
  /** Wait after each reply for the sidecar to ship the turn's egress (it ships every second). */
  egressGraceMs?: number;
  /** Runs this worker executes at once. */
  runConcurrency?: number;
  /** How long a silent run keeps its worker before another takes it over (default 30 s). */
  runLeaseMs?: number;
  /** An OpenAI-compatible LLM judge for turns the deterministic detectors cannot decide (off when absent). */
  judge?: { config: LlmJudgeConfig; allowPrivateNetwork: boolean };
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
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { databaseUrl, prisma, log } = options;
  const boss = createBoss(databaseUrl, "worker");
  boss.on("error", (err) => log.error({ err }, "queue error"));
  await boss.start();

  const runDeps = {
    prisma,
    log,
    workerId: `${os.hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`,
    keys: platformKeys(options.authSecret),
    egressGraceMs: options.egressGraceMs ?? 1_500,
    leaseMs: options.runLeaseMs ?? RUN_LEASE_MS,
    judge: options.judge ?? null,
  };
  await boss.createQueue(QUEUES.executeRun);
  await boss.work<RunJob>(QUEUES.executeRun, { localConcurrency: options.runConcurrency ?? 4, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (job) await executeRun(runDeps, job.data.runId, job.data);
  });
  await boss.createQueue(QUEUES.sweepStaleRuns);
  const sweep = async () => {
    const swept = await sweepStaleRuns(prisma, boss, { leaseMs: runDeps.leaseMs });
    if (swept.requeued || swept.failed) log.warn(swept, "stale runs swept");
  };
  await boss.work(QUEUES.sweepStaleRuns, sweep);
  await boss.schedule(QUEUES.sweepStaleRuns, "* * * * *");
  // A restarted worker takes back what the previous one was running without waiting a minute.
  await sweep();

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
