import http from "node:http";
import https from "node:https";
import { GuardedFetchError } from "./guarded-fetch-error";
import { pinnedLookup } from "./pinned-lookup";
import { parseTarget, type Resolver, resolveTarget, type TargetPolicy } from "./resolve-target";
import { sendPinned } from "./send-pinned";

export interface GuardedFetchInit {
  method?: "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";
  headers?: Readonly<Record<string, string>>;
  body?: string | Uint8Array;
}

export interface GuardedFetchPolicy extends TargetPolicy {
  /** Whole call: DNS, connect, TLS, headers and the full body. */
  timeoutMs: number;
  maxResponseBytes: number;
  /** Default 1 MiB. */
  maxRequestBytes?: number;
  signal?: AbortSignal;
  resolver?: Resolver;
}

export interface GuardedResponse {
  status: number;
  /** Lowercase names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
  /** The URL called; never a redirect target, since redirects are returned, not followed. */
  url: string;
}

const DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

/**
 * Framing and routing headers are the transport's to set: letting a caller choose `Host`,
 * `Content-Length` or `Transfer-Encoding` would allow request smuggling towards the target.
 */
export const TRANSPORT_HEADERS: readonly string[] = [
  "host", "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "te", "trailer", "expect",
  "proxy-connection", "proxy-authorization",
];

/**
 * The one way the platform calls a user-supplied URL. Resolves the host once, refuses it unless
 * every address is allowed by the policy, dials exactly those addresses, never follows a
 * redirect (a 3xx is returned as is) and bounds time and bytes in both directions.
 */
export async function guardedFetch(
  input: string | URL,
  init: GuardedFetchInit,
  policy: GuardedFetchPolicy,
): Promise<GuardedResponse> {
  const target = parseTarget(input, policy);
  const body = init.body === undefined ? undefined : Buffer.from(init.body);
  const maxRequestBytes = policy.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  if (body && body.length > maxRequestBytes) {
    throw new GuardedFetchError("too_large", `the request body is larger than ${maxRequestBytes} bytes`);
  }
  const method = init.method ?? "GET";
  const headers: Record<string, string> = { "accept-encoding": "identity" };
  for (const [name, value] of Object.entries(init.headers ?? {})) {
    if (TRANSPORT_HEADERS.includes(name.toLowerCase())) {
      throw new GuardedFetchError("invalid_request", `the ${name} header is set by the platform`);
    }
    headers[name] = value;
  }
  if (body || method === "POST" || method === "PUT" || method === "PATCH") headers["content-length"] = String(body?.length ?? 0);

  const lifetime = new AbortController();
  const timer = setTimeout(
    () => lifetime.abort(new GuardedFetchError("timeout", `no complete response within ${policy.timeoutMs} ms`)),
    policy.timeoutMs,
  );
  const onAbort = () => lifetime.abort(new GuardedFetchError("aborted", "the call was canceled"));
  if (policy.signal?.aborted) onAbort();
  else policy.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const addresses = await resolveTarget(target, policy, lifetime.signal);
    const options: https.RequestOptions = {
      protocol: target.url.protocol,
      hostname: target.hostname,
      port: target.port,
      path: `${target.url.pathname}${target.url.search}`,
      method,
      headers,
      lookup: pinnedLookup(target.hostname, addresses),
      // No pooling: a kept-alive socket opened under another project's policy must never be reused.
      agent: false,
      ...(target.url.protocol === "https:"
        ? {
            // Explicit, so NODE_TLS_REJECT_UNAUTHORIZED in the environment cannot switch verification off.
            rejectUnauthorized: true,
            ...(target.isIpLiteral ? {} : { servername: target.hostname }),
          }
        : {}),
    };
    const request = target.url.protocol === "https:" ? https.request : http.request;
    const response = await sendPinned(() => request(options), body, policy.maxResponseBytes, lifetime.signal);
    return { ...response, url: target.url.href };
  } finally {
    clearTimeout(timer);
    policy.signal?.removeEventListener("abort", onAbort);
  }
}
