import { AppError, type QuotaName, type QuotaScope } from "@bulwark/contracts";
import { recordQuotaDenial } from "@/server/metrics/record";

export interface QuotaBreach {
  quota: QuotaName;
  scope: QuotaScope;
  limit: number;
  used: number;
  /** When the window resets; null for limits that do not reset (projects, storage, concurrency, per run). */
  resetAt: Date | null;
}

/**
 * 429 `quota_exceeded`, with Retry-After when waiting helps. Every refused request is refused
 * with this error, built here and thrown at once, so this is where the denial is counted.
 */
export function quotaExceeded({ quota, scope, limit, used, resetAt }: QuotaBreach, now = new Date()): AppError {
  recordQuotaDenial(quota);
  return new AppError("quota_exceeded", `The ${scope} has reached its ${quota} limit of ${limit}.`, {
    details: { quota, scope, limit, used, resetAt: resetAt?.toISOString() ?? null },
    headers: resetAt ? { "Retry-After": String(Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000))) } : undefined,
  });
}
