import { context, propagation, ROOT_CONTEXT } from "@opentelemetry/api";

/** W3C trace context as it travels in job data and HTTP headers. */
export interface TraceCarrier {
  traceparent?: string;
  tracestate?: string;
}

/** The active span's W3C context (`traceparent`), or nothing when tracing is off or no span is active. */
export function traceCarrier(): TraceCarrier {
  const carrier: TraceCarrier = {};
  propagation.inject(context.active(), carrier, {
    set: (target, key, value) => {
      if (key === "traceparent" || key === "tracestate") target[key] = value;
    },
  });
  return carrier;
}

/** Runs `fn` as a continuation of the trace in `carrier` (a span started in it is a child of the sender's). */
export function continueTrace<T>(carrier: TraceCarrier | undefined, fn: () => T): T {
  if (!carrier?.traceparent) return fn();
  return context.with(propagation.extract(context.active(), carrier), fn);
}

/** Runs `fn` outside the active trace: long-lived resources started during a request must not join its trace. */
export function withoutTrace<T>(fn: () => T): T {
  return context.with(ROOT_CONTEXT, fn);
}
