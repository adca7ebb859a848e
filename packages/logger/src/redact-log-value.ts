import { redactJson } from "@bulwark/detect";
import pino from "pino";

/** Longest string scanned per value; the rest is cut (a log line is no place for a document). */
export const MAX_LOG_STRING_CHARS = 4_096;
/** Characters scanned per line in total; strings past it are replaced whole. */
export const MAX_LOG_LINE_CHARS = 32_768;
const MAX_LOG_DEPTH = 8;
const MAX_LOG_ITEMS = 100;

interface Budget {
  chars: number;
}

/**
 * Bounds a logged value before it is scanned: errors become `{ type, message, stack }` (their
 * fields are not enumerable, so they would otherwise be written as `{}` or unscanned), strings
 * are cut to MAX_LOG_STRING_CHARS and the line to MAX_LOG_LINE_CHARS, containers to a depth and
 * a member count. Redaction cost per line is therefore fixed, whatever was passed.
 */
function bound(value: unknown, depth: number, budget: Budget): unknown {
  if (typeof value === "string") {
    if (budget.chars <= 0) return "[TRUNCATED]";
    const cut = value.length > MAX_LOG_STRING_CHARS ? `${value.slice(0, MAX_LOG_STRING_CHARS)}[TRUNCATED]` : value;
    budget.chars -= cut.length;
    return cut;
  }
  if (typeof value !== "object" || value === null) return value;
  if (depth >= MAX_LOG_DEPTH) return "[TRUNCATED]";
  if (value instanceof Error) return bound(pino.stdSerializers.err(value), depth, budget);
  if (Array.isArray(value)) return value.slice(0, MAX_LOG_ITEMS).map((item) => bound(item, depth + 1, budget));
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return value;
  const out: Record<string, unknown> = {};
  let members = 0;
  for (const key of Object.keys(value)) {
    if (++members > MAX_LOG_ITEMS) break;
    out[key] = bound((value as Record<string, unknown>)[key], depth + 1, budget);
  }
  return out;
}

/**
 * A logged value with every secret and personal datum replaced by its typed placeholder
 * (`[EMAIL]`, `[API_KEY]`, `[JWT]`…) and every value under a secret-looking name by `[SECRET]`,
 * by the same detectors that redact captured traffic (@bulwark/detect).
 */
export function redactLogValue<T>(value: T): T {
  const result = redactJson(bound(value, 0, { chars: MAX_LOG_LINE_CHARS }));
  return (result.failed ? { redaction: "failed" } : result.value) as T;
}

/** A log message with its secrets and personal data replaced. */
export function redactLogMessage(message: unknown): unknown {
  return typeof message === "string" ? redactLogValue(message) : message;
}
