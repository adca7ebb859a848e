import "server-only";
import { getMetrics } from "./registry";

// The counters the request paths bump. Labels take only values from closed sets (route
// templates, policy and quota names, reason codes, redaction kinds), never ids or raw paths.

/** One answered REST request; `route` is the operation's path template (/api/v1/runs/{id}). */
export function observeRequest(route: string, method: string, status: number, startedAt: number): void {
  const labels = { route, method, status: String(status) };
  const m = getMetrics();
  m.httpRequests.inc(labels);
  m.httpDuration.observe(labels, (performance.now() - startedAt) / 1000);
}

export function recordIngest(outcome: { stored: number; duplicates: number; storedBytes: number; rejectedCodes: string[] }): void {
  const m = getMetrics();
  m.ingestEvents.inc({ outcome: "stored" }, outcome.stored);
  m.ingestEvents.inc({ outcome: "duplicate" }, outcome.duplicates);
  m.ingestEvents.inc({ outcome: "rejected" }, outcome.rejectedCodes.length);
  for (const code of outcome.rejectedCodes) m.ingestRejections.inc({ code });
  m.ingestBytes.inc(outcome.storedBytes);
}

/** Kinds of the values server-side redaction replaced (one entry per value). */
export function recordRedactions(kinds: readonly string[]): void {
  const m = getMetrics();
  for (const kind of kinds) m.redactions.inc({ kind });
}

export function recordRateLimitRejection(policy: string, backendUnavailable: boolean): void {
  getMetrics().rateLimitRejections.inc({ policy, reason: backendUnavailable ? "backend_unavailable" : "limited" });
}

export function recordQuotaDenial(quota: string, count = 1): void {
  getMetrics().quotaDenials.inc({ quota }, count);
}

export function recordChainVerification(intact: boolean): void {
  getMetrics().chainVerifications.inc({ result: intact ? "intact" : "broken" });
}
