import { newId } from "@bulwark/db";
import { withLogContext } from "@bulwark/logger";
import { continueTrace, type Span, SpanKind, SpanStatusCode, type TraceCarrier, withSpan } from "@bulwark/telemetry";
import type { ScenarioVerdict } from "@bulwark/redteam";
import { claimRun, MAX_RUN_ATTEMPTS } from "./claim-run";
import { finalizeRun } from "./finalize-run";
import { loadRunContext } from "./load-run-context";
import { recordRunUsage } from "../usage/record-run-usage";
import { notifyRunUpdate } from "./notify-run";
import { runAttack } from "./run-attack";
import type { RunDeps } from "./run-deps";
import type { RunPlan } from "./run-plan";
import { watchRun } from "./watch-run";

/** Runs `work` over `items` with at most `limit` in flight. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index]!, index);
      }
    }),
  );
}

/**
 * The `runs.execute` job: claims the run, sends its plan's attacks (as many at once as the
 * connector allows), and finalises it. A worker that dies mid-run leaves a stale heartbeat; the
 * retried job (or the sweep) claims it again and resumes where it stopped, sending no finished
 * turn twice. An unexpected error fails the run cleanly instead of leaving it running.
 * `trace` is the queueing request's context: the run's span continues that trace, and every log
 * line written for the run names it.
 */
export function executeRun(deps: RunDeps, runId: string, trace?: TraceCarrier): Promise<void> {
  return continueTrace(trace, () =>
    withLogContext({ runId }, () =>
      withSpan("run.execute", { kind: SpanKind.CONSUMER, attributes: { "bulwark.run.id": runId } }, (span) => executeClaimedRun(deps, runId, span)),
    ),
  );
}

async function executeClaimedRun(deps: RunDeps, runId: string, span: Span): Promise<void> {
  const run = await claimRun(deps.prisma, runId, deps.workerId, { leaseMs: deps.leaseMs });
  span.setAttribute("bulwark.run.claimed", Boolean(run));
  if (!run) return;
  span.setAttributes({ "bulwark.run.attempt": run.attempts, "bulwark.project.id": run.projectId });
  const log = deps.log.child({ runId });
  if (run.attempts > MAX_RUN_ATTEMPTS) {
    await failRun(deps, run, "WORKER_LOST", `The run was interrupted ${run.attempts - 1} times.`);
    return;
  }
  // Beat well inside the lease, so a live run is never taken for a lost one.
  const watch = watchRun(deps.prisma, run.id, { heartbeatMs: Math.min(5_000, deps.leaseMs / 3), workerId: deps.workerId });
  try {
    const { attacks: plan, targets } = run.plan as unknown as RunPlan;
    const ctx = await loadRunContext(deps, run, watch, targets);
    const verdicts: (ScenarioVerdict | null)[] = plan.map(() => null);
    log.info({ attacks: plan.length, attempt: run.attempts }, "run started");
    await notifyRunUpdate(deps.prisma, run.id);
    await inParallel(plan, ctx.connector.maxConcurrency, async (attack, index) => {
      if (watch.signal.aborted) return;
      verdicts[index] = await runAttack(ctx, attack, index);
    });
    await finalizeRun(ctx, plan, verdicts);
    log.info({ stop: watch.stopReason() }, "run finished");
    span.setAttribute("bulwark.run.stop_reason", watch.stopReason() ?? "none");
  } catch (err) {
    log.error({ err }, "run failed");
    span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.name : "error" });
    await failRun(deps, run, "ERROR", "The run failed unexpectedly; see the worker log for its request id.", err);
  } finally {
    watch.close();
  }
}

async function failRun(deps: RunDeps, run: { id: string; orgId: string }, reason: "ERROR" | "WORKER_LOST", message: string, cause?: unknown) {
  const ended = await deps.prisma.run.updateMany({
    where: { id: run.id, status: "RUNNING" },
    data: { status: "FAILED", stopReason: reason, finishedAt: new Date(), error: message },
  });
  if (ended.count) {
    await recordRunUsage(deps.prisma, run.id);
    await notifyRunUpdate(deps.prisma, run.id);
    await deps.prisma.runAbort.create({
      data: { id: newId("abort"), orgId: run.orgId, runId: run.id, reason, actorType: "SYSTEM", actorId: deps.workerId, detail: cause instanceof Error ? { error: cause.name } : {} },
    });
  }
}
