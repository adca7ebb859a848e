import type { PrismaClient, StopReason } from "@bulwark/db";

export interface RunWatch {
  /** Aborts when someone asks the run to stop (cancel, kill, a cap), or it left RUNNING. */
  signal: AbortSignal;
  /** Why it was asked to stop, once it was. */
  stopReason(): StopReason | null;
  close(): void;
}

/**
 * Watches a run this worker holds: polls its stop request (every 250 ms, so a cancel or kill
 * sent to any web instance takes effect within a second on whichever worker runs it, with no
 * message that could be lost) and refreshes its heartbeat, which the stale-run sweep reads.
 */
export function watchRun(prisma: PrismaClient, runId: string, { pollMs = 250, heartbeatMs = 5_000 } = {}): RunWatch {
  const controller = new AbortController();
  let reason: StopReason | null = null;
  let lastBeat = Date.now();
  let busy = false;

  const timer = setInterval(() => {
    if (busy || controller.signal.aborted) return;
    busy = true;
    void (async () => {
      const run = await prisma.run.findUnique({ where: { id: runId }, select: { status: true, stopRequestedAt: true, stopReason: true } });
      if (!run || run.status !== "RUNNING" || run.stopRequestedAt) {
        reason = run?.stopReason ?? "ERROR";
        controller.abort(new Error(`run stop requested (${reason})`));
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
    close: () => clearInterval(timer),
  };
}
