import type http from "node:http";
import { GuardedFetchError } from "./guarded-fetch-error";

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Sends one request and reads its response within `maxResponseBytes`. When `signal` aborts
 * (deadline or caller), the socket is destroyed at once and the promise rejects with the
 * signal's reason, which is already a typed GuardedFetchError.
 */
export function sendPinned(
  createRequest: () => http.ClientRequest,
  body: Buffer | undefined,
  maxResponseBytes: number,
  signal: AbortSignal,
): Promise<RawResponse> {
  return new Promise<RawResponse>((resolve, reject) => {
    let settled = false;
    let request: http.ClientRequest | undefined;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener("abort", onAbort);
      outcome();
    };
    const fail = (error: unknown) => {
      settle(() => reject(signal.aborted ? signal.reason : toGuardedError(error)));
      request?.destroy();
    };
    const onAbort = () => fail(signal.reason);
    if (signal.aborted) return fail(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });

    try {
      request = createRequest();
    } catch (error) {
      // Node validates header names and values (no CR/LF) synchronously.
      return fail(new GuardedFetchError("invalid_request", `the request is not valid (${errorCode(error) ?? "bad header"})`));
    }
    request.on("error", fail);
    request.on("response", (response) => {
      const announced = Number(response.headers["content-length"]);
      if (Number.isFinite(announced) && announced > maxResponseBytes) {
        return fail(tooLarge(maxResponseBytes));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxResponseBytes) return fail(tooLarge(maxResponseBytes));
        chunks.push(chunk);
      });
      response.on("error", fail);
      response.on("end", () =>
        settle(() => resolve({ status: response.statusCode ?? 0, headers: flattenHeaders(response.headers), body: Buffer.concat(chunks, size) })),
      );
      response.on("close", () => {
        if (!response.complete) fail(new GuardedFetchError("network", "the connection closed before the response was complete"));
      });
    });
    request.end(body);
  });
}

function tooLarge(max: number): GuardedFetchError {
  return new GuardedFetchError("too_large", `the response is larger than ${max} bytes`);
}

function errorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === "string" && /^[A-Z0-9_]{1,64}$/.test(code) ? code : undefined;
}

/** Only the error code: Node's messages name the dialled address, which callers must not see. */
function toGuardedError(error: unknown): GuardedFetchError {
  if (error instanceof GuardedFetchError) return error;
  const code = errorCode(error);
  if (code?.startsWith("HPE_")) return new GuardedFetchError("network", `the response is not valid HTTP (${code})`);
  return new GuardedFetchError("network", code ? `the connection failed (${code})` : "the connection failed");
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}
