import "server-only";
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";
import { registerPlatformGauges } from "./platform-gauges";

function createMetrics() {
  const registry = new Registry();
  // The standard process_* and nodejs_* names, unprefixed, so stock Node.js dashboards and
  // alerts work on them; everything Bulwark-specific carries the bulwark_ prefix.
  collectDefaultMetrics({ register: registry });
  // prom-client also exports these gauges under a counter's _total suffix, which breaks the
  // exposition lint (`promtool check metrics`); the same figures stay in nodejs_active_handles,
  // nodejs_active_requests and nodejs_active_resources.
  for (const name of ["nodejs_active_handles_total", "nodejs_active_requests_total", "nodejs_active_resources_total"]) registry.removeSingleMetric(name);
  const registers = [registry];
  const metrics = {
    registry,
    httpRequests: new Counter({
      name: "bulwark_http_requests_total",
      help: "REST requests answered, by route template, method and status code.",
      labelNames: ["route", "method", "status"] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: "bulwark_http_request_duration_seconds",
      help: "Time to answer a REST request, by route template, method and status code.",
      labelNames: ["route", "method", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    ingestEvents: new Counter({
      name: "bulwark_ingest_events_total",
      help: "Events received by ingest, by outcome (stored, duplicate, rejected).",
      labelNames: ["outcome"] as const,
      registers,
    }),
    ingestRejections: new Counter({
      name: "bulwark_ingest_rejections_total",
      help: "Ingested events rejected, by reason code.",
      labelNames: ["code"] as const,
      registers,
    }),
    ingestBytes: new Counter({
      name: "bulwark_ingest_stored_bytes_total",
      help: "Bytes of (redacted) event payload stored by ingest.",
      registers,
    }),
    redactions: new Counter({
      name: "bulwark_redactions_total",
      help: "Values the server-side redaction of ingested events replaced, by kind (what the sidecar let through).",
      labelNames: ["kind"] as const,
      registers,
    }),
    rateLimitRejections: new Counter({
      name: "bulwark_rate_limit_rejections_total",
      help: "Requests refused by a rate limit policy, by policy and reason (limited, backend_unavailable).",
      labelNames: ["policy", "reason"] as const,
      registers,
    }),
    quotaDenials: new Counter({
      name: "bulwark_quota_denials_total",
      help: "Requests or ingested events refused by an organization or project quota, by quota name.",
      labelNames: ["quota"] as const,
      registers,
    }),
    chainVerifications: new Counter({
      name: "bulwark_evidence_chain_verifications_total",
      help: "Evidence chain verifications, by result (intact, broken).",
      labelNames: ["result"] as const,
      registers,
    }),
  };
  registerPlatformGauges(registry);
  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;

// On globalThis: Next's dev server re-evaluates modules on reload and may bundle this file
// into several route chunks; a second registry (or a second registration of a name) would
// split the counters or throw.
const globalForMetrics = globalThis as unknown as { bulwarkMetrics?: Metrics };

/** The process's one metrics registry and its instruments, created on first use. */
export function getMetrics(): Metrics {
  return (globalForMetrics.bulwarkMetrics ??= createMetrics());
}
