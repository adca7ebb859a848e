import http from "node:http";
import https from "node:https";
import tls from "node:tls";
import type { Duplex } from "node:stream";
import type { ProxyConfig } from "./config";

export interface OutboundRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface OutboundResponse {
  status: number;
  body: string;
}

export interface OutboundOptions {
  proxy: ProxyConfig;
  timeoutMs: number;
  /** Response bytes kept; the rest is dropped so a hostile page cannot flood the agent. */
  maxResponseBytes?: number;
  /** Headers for the proxy only (the CONNECT request), so HTTPS egress is attributable too. */
  proxyHeaders?: Record<string, string>;
}

function bypassesProxy(host: string, noProxy: string[]): boolean {
  const hostname = host.toLowerCase();
  return noProxy.some((entry) => {
    if (entry === "*") return true;
    const suffix = entry.replace(/^\*?\./, "").replace(/:\d+$/, "");
    return hostname === suffix || hostname.endsWith(`.${suffix}`);
  });
}

/** The proxy a URL goes through, following curl's rules: HTTPS_PROXY (else HTTP_PROXY) for https. */
export function proxyFor(target: URL, proxy: ProxyConfig): URL | undefined {
  if (bypassesProxy(target.hostname, proxy.noProxy)) return undefined;
  const chosen = target.protocol === "https:" ? (proxy.httpsProxy ?? proxy.httpProxy) : proxy.httpProxy;
  return chosen ? new URL(chosen) : undefined;
}

function proxyAuthorization(proxyUrl: URL): Record<string, string> {
  if (!proxyUrl.username) return {};
  const credentials = `${decodeURIComponent(proxyUrl.username)}:${decodeURIComponent(proxyUrl.password)}`;
  return { "proxy-authorization": `Basic ${Buffer.from(credentials).toString("base64")}` };
}

function readBody(res: http.IncomingMessage, maxBytes: number): Promise<OutboundResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on("data", (chunk: Buffer) => {
      if (size < maxBytes) chunks.push(chunk.subarray(0, maxBytes - size));
      size += chunk.length;
    });
    res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
    res.on("error", reject);
  });
}

/** Opens a CONNECT tunnel through an HTTP proxy; resolves with the raw socket to the target. */
function connectTunnel(proxyUrl: URL, target: URL, headers: Record<string, string>, signal: AbortSignal): Promise<Duplex> {
  const authority = `${target.hostname}:${target.port || 443}`;
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: proxyUrl.hostname,
      port: proxyUrl.port || 80,
      method: "CONNECT",
      path: authority,
      headers: { host: authority, ...headers, ...proxyAuthorization(proxyUrl) },
      signal,
    });
    req.on("connect", (res, socket) => {
      if (res.statusCode === 200) return resolve(socket);
      socket.destroy();
      reject(new Error(`proxy refused CONNECT with ${res.statusCode}`));
    });
    req.on("error", reject);
    req.end();
  });
}

/**
 * One outbound HTTP(S) call that honours HTTP(S)_PROXY/NO_PROXY: plain HTTP goes to the proxy
 * in absolute form, HTTPS through a CONNECT tunnel (the proxy never sees inside TLS).
 * Redirects are not followed; the whole call is bounded by `timeoutMs`.
 */
export async function outboundRequest(request: OutboundRequest, options: OutboundOptions): Promise<OutboundResponse> {
  const target = new URL(request.url);
  if (target.protocol !== "http:" && target.protocol !== "https:") throw new Error(`unsupported scheme ${target.protocol}`);
  const signal = AbortSignal.timeout(options.timeoutMs);
  const maxBytes = options.maxResponseBytes ?? 256 * 1024;
  const proxyUrl = proxyFor(target, options.proxy);
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  const headers: Record<string, string> = {
    ...request.headers,
    ...(body ? { "content-length": String(body.length) } : {}),
  };

  let req: http.ClientRequest;
  if (target.protocol === "http:" && proxyUrl) {
    req = http.request({
      host: proxyUrl.hostname,
      port: proxyUrl.port || 80,
      method: request.method,
      path: target.href,
      headers: { host: target.host, ...headers, ...proxyAuthorization(proxyUrl) },
      signal,
    });
  } else if (target.protocol === "https:" && proxyUrl) {
    const socket = await connectTunnel(proxyUrl, target, options.proxyHeaders ?? {}, signal);
    req = https.request(target, {
      method: request.method,
      headers,
      signal,
      agent: false,
      createConnection: () => tls.connect({ socket, servername: target.hostname }),
    });
  } else {
    req = (target.protocol === "https:" ? https : http).request(target, { method: request.method, headers, signal });
  }

  return new Promise<OutboundResponse>((resolve, reject) => {
    req.on("response", (res) => readBody(res, maxBytes).then(resolve, reject));
    req.on("error", reject);
    req.end(body);
  });
}
