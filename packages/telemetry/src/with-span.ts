import { type Attributes, type Span, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";

export interface SpanOptions {
  kind?: SpanKind;
  /** Ids, names, counts: never secrets or message content (spans leave the platform). */
  attributes?: Attributes;
}

const tracer = trace.getTracer("bulwark");

/**
 * Runs `fn` inside a new active span, ended when `fn` settles. With no SDK started the API hands
 * out non-recording spans, so this costs a function call. A thrown error marks the span failed
 * by its class name only: messages and stacks can carry user data, and spans leave the platform.
 */
export function withSpan<T>(name: string, options: SpanOptions, fn: (span: Span) => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : "error" });
      throw error;
    } finally {
      span.end();
    }
  });
}
