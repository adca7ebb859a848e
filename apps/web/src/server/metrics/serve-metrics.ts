import "server-only";
import { AppError, unauthorized } from "@bulwark/contracts";
import { errorResponse, toAppError } from "@/server/http/error-response";
import { getRequestId } from "@/server/http/request-id";
import { bearerToken, secretMatches } from "@/server/http/shared-secret";
import { log } from "@/server/log";
import { getMetrics } from "./registry";

/**
 * The Prometheus scrape endpoint. Not a REST operation: its only credential is METRICS_TOKEN
 * (an org API key or a session must not open installation-wide figures), and it answers in
 * Prometheus text format 0.0.4. Errors still use the one envelope.
 */
export function serveMetrics(token: () => string | undefined) {
  return async function handle(req: Request): Promise<Response> {
    const requestId = getRequestId(req.headers);
    let response: Response;
    try {
      assertMetricsToken(req.headers, token());
      const { registry } = getMetrics();
      response = new Response(await registry.metrics(), { status: 200, headers: { "Content-Type": registry.contentType } });
    } catch (error) {
      response = errorResponse(toAppError(error, requestId), requestId);
      log.info({ requestId, status: response.status }, "metrics scrape refused");
    }
    response.headers.set("X-Request-Id", requestId);
    response.headers.set("Cache-Control", "no-store");
    return response;
  };
}

/** 503 while METRICS_TOKEN is unset (monitoring is not configured), 401 for a missing or wrong token. */
function assertMetricsToken(headers: Headers, token: string | undefined): void {
  if (!token) throw new AppError("service_unavailable", "Metrics are disabled: METRICS_TOKEN is not set.");
  const presented = bearerToken(headers);
  if (!presented || !secretMatches(presented, token)) throw unauthorized("A valid metrics token is required.");
}
