import { IngestResult, SidecarConfig } from "@bulwark/contracts";

/** A failed call; `retryAfterMs` is set when the platform said when to come back. */
export class PlatformError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** `Retry-After` as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const TIMEOUT_MS = 15_000;

export interface PlatformClient {
  sendEvents(events: unknown[]): Promise<IngestResult>;
  heartbeat(): Promise<SidecarConfig>;
}

export function createPlatformClient(baseUrl: string, token: string): PlatformClient {
  async function post(path: string, body: unknown): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(new URL(path, baseUrl), {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: "error",
      });
    } catch (error) {
      throw new PlatformError(`platform unreachable: ${(error as Error).message}`, undefined);
    }
    const text = await res.text().catch(() => "");
    if (res.status !== 200 && res.status !== 207) {
      const retryAfterMs = res.status === 429 || res.status === 503 ? parseRetryAfter(res.headers.get("retry-after")) : undefined;
      throw new PlatformError(`platform answered ${res.status}: ${text.slice(0, 200)}`, res.status, retryAfterMs);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new PlatformError(`platform answered ${res.status} with a body that is not JSON`, res.status);
    }
  }

  return {
    sendEvents: async (events) => IngestResult.parse(await post("/api/v1/ingest/events", { events })),
    heartbeat: async () => SidecarConfig.parse(await post("/api/v1/ingest/heartbeat", undefined)),
  };
}
