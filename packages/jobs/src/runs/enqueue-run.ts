import type { PgBoss } from "pg-boss";
import { QUEUES } from "../queue";

/**
 * Queues a run for execution. The run id is the singleton key, so queueing it twice (a retry,
 * the sweep racing a slow send) still yields one job in the queue.
 */
export async function enqueueRun(boss: PgBoss, runId: string): Promise<void> {
  await boss.send(QUEUES.executeRun, { runId }, {
    singletonKey: runId,
    // A worker that dies stops beating; pg-boss then retries the job, and the claim resumes the run.
    heartbeatSeconds: 30,
    retryLimit: 3,
    retryDelay: 5,
    expireInSeconds: 24 * 60 * 60,
  });
}
