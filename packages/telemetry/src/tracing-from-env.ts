/** The tracing variables of TRACING_ENV (packages/contracts), as an env.ts parsed them. */
export interface TracingEnv {
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;
  OTEL_SERVICE_NAME?: string;
  OTEL_BSP_SCHEDULE_DELAY?: number;
}

export interface TracingConfig {
  serviceName: string;
  /** Where spans are POSTed (OTLP/HTTP, JSON). */
  tracesUrl: string;
  /** Longest wait before buffered spans are exported. */
  scheduleDelayMs: number;
}

/**
 * Standard OpenTelemetry semantics: the signal-specific endpoint is used as given, the base
 * endpoint gets `/v1/traces` appended. Null (tracing off, no SDK loaded) when neither is set.
 */
export function tracingFromEnv(env: TracingEnv, defaultServiceName: string): TracingConfig | null {
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const tracesUrl = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? (base ? `${base.replace(/\/+$/, "")}/v1/traces` : undefined);
  if (!tracesUrl) return null;
  return { serviceName: env.OTEL_SERVICE_NAME ?? defaultServiceName, tracesUrl, scheduleDelayMs: env.OTEL_BSP_SCHEDULE_DELAY ?? 5_000 };
}
