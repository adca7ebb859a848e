import { activeTraceIds } from "@bulwark/telemetry";
import pino, { type DestinationStream, type Logger } from "pino";
import { type LogBindings, logContext } from "./log-context";
import { redactLogMessage, redactLogValue } from "./redact-log-value";

export type { Logger };
export { withLogContext, withoutLogContext, type LogBindings } from "./log-context";
export { redactLogValue } from "./redact-log-value";

// Keys a logger already carries as child bindings (`log.child({ runId })`), so the context does not
// write them a second time. Bindings are fixed at creation, so this is computed once per logger.
const boundKeys = new WeakMap<Logger, Set<string>>();

function unboundContext(logger: Logger): LogBindings | undefined {
  const context = logContext();
  if (!context) return undefined;
  let bound = boundKeys.get(logger);
  if (!bound) boundKeys.set(logger, (bound = new Set(Object.keys(logger.bindings()))));
  if (bound.size === 0) return context;
  return Object.fromEntries(Object.entries(context).filter(([key]) => !bound.has(key)));
}

/**
 * JSON logs on stdout (or `destination`). Every line carries the ids of the work it belongs to
 * (`requestId`, `runId` from withLogContext; `traceId`/`spanId` when tracing is on), and every
 * value is redacted before it is written: a careless `log.info({ headers })` or an email in an
 * error message comes out as `[SECRET]` or `[EMAIL]`, never in the clear.
 */
export function createLogger(name: string, level = "info", destination?: DestinationStream): Logger {
  return pino(
    {
      name,
      level,
      base: { service: name },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: (_object, _level, logger) => ({ ...unboundContext(logger), ...activeTraceIds() }),
      formatters: {
        level: (label) => ({ level: label }),
        bindings: redactLogValue,
        log: redactLogValue,
      },
      // Errors were turned into plain `{ type, message, stack }` (and redacted) by the log formatter;
      // pino's own serializer would take that object for an error again and rename its type.
      serializers: { msg: redactLogMessage, err: (value: unknown) => value },
      // By path, before and beyond the detectors: these names hold credentials whatever they look like.
      redact: {
        paths: [
          "password",
          "*.password",
          "token",
          "*.token",
          "secret",
          "*.secret",
          "apiKey",
          "*.apiKey",
          "authorization",
          "*.authorization",
          "headers.authorization",
          "headers.cookie",
          "*.headers.authorization",
          "*.headers.cookie",
          "databaseUrl",
          "*.databaseUrl",
        ],
        censor: "[REDACTED]",
      },
    },
    destination,
  );
}
