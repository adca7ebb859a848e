import "server-only";
import type { Operation } from "@bulwark/contracts";
import { withLogContext } from "@bulwark/logger";
import { SpanKind, SpanStatusCode, withSpan } from "@bulwark/telemetry";

/**
 * Runs one API request inside its log context (every line written while serving it names the
 * request id) and its server span (route template, never the concrete path: ids in paths would
 * make every request a new span name, and query strings can carry tokens).
 */
export function inRequestScope(op: Pick<Operation, "id" | "method" | "path">, requestId: string, respond: () => Promise<Response>): Promise<Response> {
  return withLogContext({ requestId }, () =>
    withSpan(
      `${op.method} ${op.path}`,
      { kind: SpanKind.SERVER, attributes: { "http.request.method": op.method, "http.route": op.path, "bulwark.operation": op.id, "bulwark.request_id": requestId } },
      async (span) => {
        const response = await respond();
        span.setAttribute("http.response.status_code", response.status);
        if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        return response;
      },
    ),
  );
}
