import "server-only";
import { AppError, unauthorized } from "@bulwark/contracts";
import { log } from "@/server/log";
import { errorResponse, toAppError } from "./error-response";
import { getRequestId } from "./request-id";
import { bearerToken, secretMatches } from "./shared-secret";

export interface CronContext {
  requestId: string;
}

export interface CronOptions {
  /** The shared secret; unset means scheduled jobs are switched off. */
  secret: string | undefined;
  /** Names the job in the logs. */
  name: string;
}

/**
 * Wraps a scheduled-job endpoint: request id → check the cron secret → call the handler → map
 * errors to the one envelope. Not a REST operation: no API key, no org, no rate limit (the
 * secret is the only credential, and a scheduler calls it once a day). The secret comes as
 * `Authorization: Bearer <secret>` or `X-Cron-Secret: <secret>`.
 */
export function cron(options: CronOptions, handler: (ctx: CronContext) => Promise<unknown>) {
  return async function handle(req: Request): Promise<Response> {
    const requestId = getRequestId(req.headers);
    const started = performance.now();
    let response: Response;
    try {
      assertCronSecret(req.headers, options.secret);
      response = Response.json((await handler({ requestId })) ?? null, { status: 200 });
    } catch (error) {
      response = errorResponse(toAppError(error, requestId), requestId);
    }
    response.headers.set("X-Request-Id", requestId);
    response.headers.set("Cache-Control", "no-store");
    log.info({ requestId, cron: options.name, status: response.status, ms: Math.round(performance.now() - started) }, "cron");
    return response;
  };
}

/**
 * 503 while CRON_SECRET is unset (the job is not configured, which is not the caller's fault and
 * must not look like a wrong secret), 401 for a missing or wrong one, compared in constant time.
 */
export function assertCronSecret(headers: Headers, secret: string | undefined): void {
  if (!secret) throw new AppError("service_unavailable", "Scheduled jobs are disabled: CRON_SECRET is not set.");
  const presented = bearerToken(headers) ?? headers.get("x-cron-secret")?.trim();
  if (!presented || !secretMatches(presented, secret)) throw unauthorized("A valid cron secret is required.");
}
