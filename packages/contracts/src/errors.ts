import { z } from "zod";

/** The one table from error code to HTTP status. Services pick a code; only the HTTP layer maps it. */
export const ERROR_STATUS = {
  bad_request: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  quota_exceeded: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ErrorCode = z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]);

export const ErrorEnvelope = z
  .object({
    error: z.object({
      code: ErrorCode,
      message: z.string(),
      requestId: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: "ErrorEnvelope" });
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

/**
 * The single error type services throw. `message` is shown to the caller, so it must never hold
 * internals; put a cause in `cause` for the log instead.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: Record<string, unknown>; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.details = options.details;
    this.headers = options.headers;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (resource: string) => new AppError("not_found", `The ${resource} does not exist.`);
export const unauthorized = (message = "Authentication is required.") => new AppError("unauthorized", message);
export const forbidden = (message = "You are not allowed to do this.") => new AppError("forbidden", message);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError("conflict", message, { details });
export const badRequest = (message: string, details?: Record<string, unknown>) =>
  new AppError("bad_request", message, { details });

/** One failing input field, as 422 responses list them. */
export interface InvalidField {
  path: string;
  code: string;
  message: string;
}

/** 422 for input that parsed but is not acceptable, in the same shape as a schema failure. */
export function invalidInput(where: "body" | "query" | "path", fields: InvalidField[]): AppError {
  const summary = fields.map((f) => `${f.path}: ${f.message}`).join("; ");
  return new AppError("validation_failed", `Invalid ${where}: ${summary}`, { details: { in: where, fields } });
}

/** A zod error's issues as 422 fields (`a.b.0`-style paths, "(root)" for the value itself). */
export function zodIssueFields(error: z.ZodError, prefix: (string | number)[] = []): InvalidField[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join(".") || "(root)",
    code: issue.code,
    message: issue.message,
  }));
}
