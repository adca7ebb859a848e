import { setTimeout as delay } from "node:timers/promises";
import { guardedFetch, GuardedFetchError, type GuardedResponse, type Resolver } from "../net";
import type { AgentOutcome } from "../verdicts/types";
import { buildRequestBody, responseMapping } from "./agent-protocol";
import type { HistoryMessage } from "./body-template";
import { ConnectorConfig, type ConnectorConfigInput } from "./connector-config";
import { mapAgentResponse } from "./map-agent-response";
import { retryDelay } from "./retry-delay";
import type { RunLimiter } from "./run-limiter";
import { openSecret, SecretError } from "./secret-box";

/** The network side of a call: what the project allows, decided by the platform, not the connector. */
export interface AgentCallPolicy {
  /** Only sandbox projects that explicitly target local agents set this. */
  allowPrivateNetwork: boolean;
  allowedPorts?: readonly number[];
  /** Default 1 MiB. */
  maxResponseBytes?: number;
  resolver?: Resolver;
}

export interface CallAgentInput {
  message: string;
  sessionId: string;
  /** Earlier turns of this conversation, oldest first. */
  history: HistoryMessage[];
  runId: string;
  turnId: string;
  /** Aborts the call, a retry wait or a wait for the limiter. */
  signal?: AbortSignal;
  /** Opens sealed header values; required when the connector has secret headers. */
  secretKey?: Uint8Array;
  policy: AgentCallPolicy;
  /** The run's shared limiter; every attempt, retries included, goes through it. */
  limiter?: RunLimiter;
  /** Jitter source for backoff (tests). */
  random?: () => number;
  /** W3C trace context of the caller's span (`traceparent`, `tracestate`), sent to the agent when tracing is on. */
  traceHeaders?: { traceparent?: string; tracestate?: string };
}

export interface CallAgentResult {
  outcome: AgentOutcome;
  /** Requests sent (or tried), retries included. */
  attempts: number;
  /** Duration of the last attempt: how long the agent took to answer. */
  latencyMs: number;
  /** Wall time of the whole call, with limiter and retry waits. */
  elapsedMs: number;
}

const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
/** Far above any real turn (the demo agent accepts 64 KiB); a history this big is a platform bug. */
const MAX_REQUEST_BYTES = 1024 * 1024;
const USER_AGENT = "Bulwark-Redteam/1";

function failure(kind: Extract<AgentOutcome, { status: "error" }>["kind"], message: string): AgentOutcome {
  return { status: "error", kind, message };
}

function outcomeOfError(error: unknown, config: ConnectorConfig, maxResponseBytes: number, signal?: AbortSignal): AgentOutcome {
  if (error instanceof GuardedFetchError) {
    switch (error.code) {
      case "timeout":
        return failure("timeout", `the agent did not answer within ${config.timeoutMs} ms`);
      case "aborted":
        return failure("canceled", "the call was canceled");
      case "too_large":
        // Only the response can be too large here: the request size is checked before sending.
        return failure("bad_response", `the agent's reply is larger than ${maxResponseBytes} bytes`);
      case "blocked_address":
      case "blocked_scheme":
      case "blocked_port":
      case "invalid_request":
        return failure("blocked", error.message);
      case "dns_failed":
      case "network":
        return failure("network", error.message);
    }
  }
  if (signal?.aborted) return failure("canceled", "the call was canceled");
  throw error;
}

function outcomeOfStatus(response: GuardedResponse, attempts: number): AgentOutcome {
  const { status } = response;
  const detail =
    status >= 300 && status < 400 ? " (redirects are not followed)" : status === 429 || status === 503 ? ` after ${attempts} attempts` : "";
  return failure("http_status", `the agent answered HTTP ${status}${detail}`);
}

function requestHeaders(config: ConnectorConfig, input: CallAgentInput): Record<string, string> {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json", "user-agent": USER_AGENT };
  for (const header of config.headers) {
    if (header.secret && !input.secretKey) throw new SecretError("the connector has secret headers but no secret key was given");
    headers[header.name.toLowerCase()] = header.secret && input.secretKey ? openSecret(header.value, input.secretKey) : header.value;
  }
  if (input.traceHeaders?.traceparent) headers.traceparent = input.traceHeaders.traceparent;
  if (input.traceHeaders?.tracestate) headers.tracestate = input.traceHeaders.tracestate;
  // Last, so nothing in the config can replace them: the sidecar attributes egress by these.
  headers["x-bulwark-run-id"] = input.runId;
  headers["x-bulwark-turn-id"] = input.turnId;
  return headers;
}

/**
 * Sends one turn to the project's agent and says how it ended. Every problem on the agent's
 * side (unreachable, slow, refused, malformed) is an outcome, never an exception; it throws
 * only for platform faults: an invalid stored config or a secret that cannot be opened.
 * 429 and 503 are retried up to `maxRetries` times, honouring `Retry-After` (capped).
 */
export async function callAgent(configInput: ConnectorConfigInput, input: CallAgentInput): Promise<CallAgentResult> {
  const started = performance.now();
  const config = ConnectorConfig.parse(configInput);
  const headers = requestHeaders(config, input);
  const body = buildRequestBody(config, {
    message: input.message,
    session_id: input.sessionId,
    history: input.history,
    run_id: input.runId,
    turn_id: input.turnId,
  });
  const maxResponseBytes = input.policy.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  let attempts = 0;
  let latencyMs = 0;
  const done = (outcome: AgentOutcome): CallAgentResult => ({
    outcome,
    attempts,
    latencyMs: Math.round(latencyMs),
    elapsedMs: Math.round(performance.now() - started),
  });

  if (Buffer.byteLength(body) > MAX_REQUEST_BYTES) {
    return done(failure("blocked", `the request body is larger than ${MAX_REQUEST_BYTES} bytes`));
  }

  for (;;) {
    let response: GuardedResponse;
    try {
      const release = input.limiter ? await input.limiter.acquire(input.signal) : () => undefined;
      attempts++;
      const attemptStarted = performance.now();
      try {
        response = await guardedFetch(
          config.url,
          { method: config.method, headers, body },
          { ...input.policy, timeoutMs: config.timeoutMs, maxResponseBytes, maxRequestBytes: MAX_REQUEST_BYTES, signal: input.signal },
        );
      } finally {
        latencyMs = performance.now() - attemptStarted;
        release();
      }
    } catch (error) {
      return done(outcomeOfError(error, config, maxResponseBytes, input.signal));
    }

    if ((response.status === 429 || response.status === 503) && attempts <= config.maxRetries) {
      try {
        await delay(retryDelay(attempts, response.headers["retry-after"], input.random), undefined, { signal: input.signal });
      } catch {
        return done(failure("canceled", "the call was canceled"));
      }
      continue;
    }
    if (response.status < 200 || response.status > 299) return done(outcomeOfStatus(response, attempts));
    return done(mapAgentResponse(response.body, responseMapping(config)));
  }
}
