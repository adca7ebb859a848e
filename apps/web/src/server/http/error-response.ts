import "server-only";
import { AppError, type ErrorEnvelope } from "@bulwark/contracts";
import { Prisma } from "@bulwark/db";
import { log } from "@/server/log";

/**
 * Maps anything thrown below the HTTP layer to the one error envelope. Unknown errors become a
 * generic 500: the cause is logged with the request id and never echoed to the caller.
 */
export function toAppError(error: unknown, requestId: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return new AppError("conflict", "A resource with these values already exists.");
    if (error.code === "P2025") return new AppError("not_found", "The resource does not exist.");
  }
  log.error({ requestId, err: error }, "unhandled error");
  return new AppError("internal_error", "Something went wrong on our side. Quote the request id when reporting it.");
}

export function errorResponse(error: AppError, requestId: string, headers?: HeadersInit): Response {
  const body: ErrorEnvelope = {
    error: {
      code: error.code,
      message: error.message,
      requestId,
      ...(error.details ? { details: error.details } : {}),
    },
  };
  const response = Response.json(body, { status: error.status, headers });
  for (const [name, value] of Object.entries(error.headers ?? {})) response.headers.set(name, value);
  return response;
}
