import type { ErrorEnvelope } from "@bulwark/contracts";

/** An error answer of the API, carried to the UI as a readable message with its request id. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly requestId: string | undefined,
    readonly fields: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/**
 * The dashboard's mutations go through the same REST API as every other client, so the same
 * validation, scopes, rate limits and audit apply. The browser adds the session cookie and
 * Sec-Fetch-Site: same-origin by itself.
 */
export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? "GET",
    signal: init.signal,
    headers: init.body === undefined ? {} : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    credentials: "same-origin",
  });
  if (response.status === 204) return undefined as T;
  const json = (await response.json().catch(() => null)) as (ErrorEnvelope & T) | null;
  if (!response.ok) {
    const error = json?.error;
    const fields = Array.isArray(error?.details?.fields) ? (error.details.fields as { path: string; message: string }[]) : [];
    throw new ApiError(error?.message ?? `The server answered ${response.status}.`, response.status, error?.code ?? "unknown", error?.requestId, fields);
  }
  return json as T;
}
