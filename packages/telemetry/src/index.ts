export { withSpan, type SpanOptions } from "./with-span";
export { traceCarrier, continueTrace, withoutTrace, type TraceCarrier } from "./trace-carrier";
export { activeTraceIds } from "./active-trace-ids";
export { tracingFromEnv, type TracingConfig, type TracingEnv } from "./tracing-from-env";
export { SpanKind, SpanStatusCode, type Span } from "@opentelemetry/api";
