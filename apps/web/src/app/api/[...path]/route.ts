import { AppError } from "@bulwark/contracts";
import { errorResponse } from "@/server/http/error-response";
import { getRequestId } from "@/server/http/request-id";

export const dynamic = "force-dynamic";

// ANY /api/* that matches no route — 404 in the error envelope instead of Next's HTML page
function notFound(req: Request): Response {
  const requestId = getRequestId(req.headers);
  const response = errorResponse(new AppError("not_found", "No API route matches this path."), requestId);
  response.headers.set("X-Request-Id", requestId);
  response.headers.set("Cache-Control", "no-store");
  return response;
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
