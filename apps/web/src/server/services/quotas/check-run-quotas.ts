import "server-only";
import type { QuotaLimits, QuotaName, QuotaScope } from "@bulwark/contracts";
import type { prisma } from "@bulwark/db";
import type { Tx } from "@/server/db/transaction";
import type { RunUsageEstimate } from "./estimate-run-usage";
import { activeRuns, costToday, runsStarted, storedBytesUsed } from "./measure-usage";
import type { QuotaBreach } from "./quota-exceeded";
import { dayWindow, monthWindow } from "./quota-window";
import type { RunCaps } from "./run-caps";

export interface RunQuotaCheck extends QuotaBreach {
  limit: number;
  wouldUse: number;
  fits: boolean;
  /** Refuses the run when it does not fit; otherwise the run starts and stops at the cap. */
  blocking: boolean;
}

/**
 * Every limit a new run meets, with the use so far and what the run would add. Creation refuses
 * on the blocking ones (call it under lockOrgQuota(tx, orgId, "runs")); per-run caps are
 * snapshotted onto the run instead and stop it when reached. Unlimited quotas are left out.
 */
export async function checkRunQuotas(
  db: Tx | typeof prisma,
  input: { orgId: string; projectId: string; limits: QuotaLimits; caps: RunCaps; estimate: RunUsageEstimate; now: Date },
): Promise<RunQuotaCheck[]> {
  const { orgId, projectId, limits, caps, estimate, now } = input;
  const day = dayWindow(now);
  const month = monthWindow(now);
  const checks: RunQuotaCheck[] = [];
  const add = async (quota: QuotaName, scope: QuotaScope, blocking: boolean, resetAt: Date | null, used: () => Promise<number>, wouldUse: number, fits = (u: number, l: number) => u + wouldUse <= l) => {
    const limit = limits[quota];
    if (limit === null) return;
    const usedNow = await used();
    checks.push({ quota, scope, limit, used: usedNow, wouldUse, fits: fits(usedNow, limit), blocking, resetAt });
  };
  const zero = async () => 0;
  await add("runs_per_project_per_day", "project", true, day.end, () => runsStarted(db, orgId, projectId, day.start, day.end), 1);
  await add("runs_per_org_per_day", "org", true, day.end, () => runsStarted(db, orgId, null, day.start, day.end), 1);
  await add("runs_per_org_per_month", "org", true, month.end, () => runsStarted(db, orgId, null, month.start, month.end), 1);
  await add("concurrent_runs", "org", true, null, () => activeRuns(db, orgId), 1);
  // Storage blocks new runs once full (their events would be refused anyway).
  await add("stored_bytes", "org", true, null, () => storedBytesUsed(db, orgId), 0, (u, l) => u < l);
  await add("cost_micros_per_run", "run", true, null, zero, estimate.costMicros);
  await add("cost_micros_per_day", "org", true, day.end, () => costToday(db, orgId, day.start, day.end), caps.maxCostMicros ?? estimate.costMicros);
  await add("turns_per_run", "run", false, null, zero, estimate.plannedTurns);
  await add("agent_calls_per_run", "run", false, null, zero, estimate.plannedTurns);
  await add("judge_tokens_per_run", "run", false, null, zero, estimate.judgeTokens);
  await add("runtime_seconds_per_run", "run", false, null, zero, estimate.durationSeconds);
  return checks;
}
