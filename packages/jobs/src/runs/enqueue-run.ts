import { traceCarrier, type TraceCarrier } from "@bulwark/telemetry";
import type { PgBoss } from "pg-boss";
import { QUEUES } from "../queue";

/** A `runs.execute` job: the run, and the trace of the request that queued it (when tracing is on). */
export type RunJob = { runId: string } & TraceCarrier;

/**
 * Queues a run for execution. The run id is the singleton key, so queueing it twice (a retry,
 * the sweep racing a slow send) still yields one job in the queue. The caller's trace context
 * travels in the job, so the worker's run span continues the trace of the request that queued it.
 */
export async function enqueueRun(boss: PgBoss, runId: string): Promise<void> {
  const job: RunJob = { runId, ...traceCarrier() };
  await boss.send(QUEUES.executeRun, job, {
    singletonKey: runId,
    // A worker that dies stops beating; pg-boss then retries the job, and the claim resumes the run.
    heartbeatSeconds: 30,
    retryLimit: 3,
    retryDelay: 5,
    expireInSeconds: 24 * 60 * 60,
  });
}
