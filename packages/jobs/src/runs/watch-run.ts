import type { PrismaClient, StopReason } from "@bulwark/db";
import { requestRunStop } from "./request-run-stop";

export interface RunWatch {
  /** Aborts when someone asks the run to stop (cancel, kill, a cap), or it left RUNNING. */
  signal: AbortSignal;
  /** Why it was asked to stop, once it was. */
  stopReason(): StopReason | null;
  /** Stops the run's work in this worker at once, for a stop this worker itself requested (a cap). */
  abort(reason: StopReason): void;
  close(): void;
}

/**
 * Watches a run this worker holds: polls its stop request (every 250 ms, so a cancel or kill
 * sent to any web instance takes effect within a second on whichever worker runs it, with no
 * message that could be lost), stops it once it has run longer than its runtime cap (a turn
 * can hang far longer than a turn boundary takes to come), and refreshes its heartbeat, which
 * the stale-run sweep reads.
 */
export function watchRun(prisma: PrismaClient, runId: string, { pollMs = 250, heartbeatMs = 5_000, workerId = "unknown-worker" } = {}): RunWatch {
  const controller = new AbortController();
  let reason: StopReason | null = null;
  let lastBeat = Date.now();
  let busy = false;
  const abort = (why: StopReason) => {
    if (controller.signal.aborted) return;
    reason = why;
    controller.abort(new Error(`run stop requested (${why})`));
  };

  const timer = setInterval(() => {
    if (busy || controller.signal.aborted) return;
    busy = true;
    void (async () => {
      const run = await prisma.run.findUnique({
        where: { id: runId },
        select: { orgId: true, status: true, stopRequestedAt: true, stopReason: true, startedAt: true, maxRuntimeSeconds: true },
      });
      if (!run || run.status !== "RUNNING" || run.stopRequestedAt) return abort(run?.stopReason ?? "ERROR");
      const ranSeconds = run.startedAt ? Math.floor((Date.now() - run.startedAt.getTime()) / 1000) : 0;
      if (run.maxRuntimeSeconds !== null && ranSeconds >= run.maxRuntimeSeconds) {
        await requestRunStop(prisma, { id: runId, orgId: run.orgId }, { reason: "MAX_RUNTIME", limit: run.maxRuntimeSeconds, used: ranSeconds }, workerId);
        // Whoever asked first, the next poll reads the reason that won.
        return;
      }
      if (Date.now() - lastBeat >= heartbeatMs) {
        lastBeat = Date.now();
        await prisma.run.updateMany({ where: { id: runId, status: "RUNNING" }, data: { heartbeatAt: new Date() } });
      }
    })()
      // A failed poll is retried on the next tick; the database being away is not a stop request.
      .catch(() => {})
      .finally(() => {
        busy = false;
      });
  }, pollMs);
  timer.unref();

  return {
    signal: controller.signal,
    stopReason: () => reason,
    abort,
    close: () => clearInterval(timer),
  };
}
