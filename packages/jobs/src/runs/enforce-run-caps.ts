import { requestRunStop } from "./request-run-stop";
import { runCapReached } from "./run-caps";
import type { RunContext } from "./run-context";

/**
 * Asked before each turn: when the run has reached one of its caps (counters as stored, so
 * attacks running side by side see each other's turns), it is stopped like a cancel — stop
 * requested, abort logged — and its work in this worker ends now. True when the run must stop.
 */
export async function enforceRunCaps(ctx: RunContext): Promise<boolean> {
  if (ctx.watch.signal.aborted) return true;
  const run = await ctx.prisma.run.findUniqueOrThrow({ where: { id: ctx.run.id } });
  const cap = runCapReached(run);
  if (!cap) return false;
  await requestRunStop(ctx.prisma, run, cap, ctx.workerId);
  const now = await ctx.prisma.run.findUniqueOrThrow({ where: { id: run.id }, select: { stopReason: true } });
  ctx.log.info({ cap: cap.reason, limit: cap.limit, used: cap.used, stop: now.stopReason }, "run cap reached");
  ctx.watch.abort(now.stopReason ?? cap.reason);
  return true;
}
