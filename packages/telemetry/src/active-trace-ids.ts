import { trace } from "@opentelemetry/api";

/** The active span's ids for log lines, when tracing is on and a span is recording. */
export function activeTraceIds(): { traceId: string; spanId: string } | undefined {
  const span = trace.getActiveSpan();
  if (!span?.isRecording()) return undefined;
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}
