import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { Duplex } from "node:stream";
import type { IngestEvent } from "@bulwark/contracts";
import { classifyDestination, type ClassifyConfig } from "./classify-destination";
import { RUN_HEADER, TURN_HEADER, attribution, egressEvent } from "./egress-event";
import { MAX_SCAN_BYTES, capHits, inspectBody, redactPath, scanHeaders } from "./inspect-traffic";

export interface ProxyOptions {
  /** Read on every request, so a heartbeat's new config applies at once. */
  config(): ClassifyConfig & { sinkhole: boolean };
  record(event: IngestEvent): void;
  log: { warn(message: string): void };
}

/** Hop-by-hop headers (RFC 9110 §7.6.1) plus our own attribution headers, which must not reach third parties. */
const STRIPPED = new Set([
  "connection", "keep-alive", "proxy-connection", "proxy-authorization", "proxy-authenticate",
  "te", "trailer", "upgrade", RUN_HEADER, TURN_HEADER,
]);

const SINKHOLE_BODY = Buffer.from('{"ok":true}\n');
const SINKHOLE_CONNECT_IDLE_MS = 2_000;
const UPSTREAM_TIMEOUT_MS = 60_000;

function forwardedHeaders(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const named = new Set(String(headers.connection ?? "").toLowerCase().split(",").map((token) => token.trim()));
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !STRIPPED.has(name) && !named.has(name)));
}

/** Keeps the first MAX_SCAN_BYTES of a stream and counts all of it. */
class Capture {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  bytes = 0;
  add(chunk: Buffer): void {
    this.bytes += chunk.length;
    if (this.kept < MAX_SCAN_BYTES) {
      const part = chunk.subarray(0, MAX_SCAN_BYTES - this.kept);
      this.chunks.push(part);
      this.kept += part.length;
    }
  }
  get body(): Buffer {
    return Buffer.concat(this.chunks);
  }
  get truncated(): boolean {
    return this.bytes > this.kept;
  }
}

function header(headers: http.IncomingHttpHeaders | http.OutgoingHttpHeaders, name: string): string {
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value === undefined ? "" : String(value);
}

/** Host and port of a CONNECT authority (`host:443`, `[::1]:8443`). */
export function parseAuthority(authority: string): { host: string; port: number } | undefined {
  const match = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(authority);
  const port = Number(match?.[2]);
  if (!match?.[1] || !(port >= 1 && port <= 65_535)) return undefined;
  return { host: match[1].replace(/^\[|\]$/g, ""), port };
}

/**
 * The proxy: absolute-form HTTP requests are forwarded (or sinkholed) and inspected; CONNECT
 * tunnels are relayed blind (no TLS interception) and recorded by host, port, bytes and time.
 */
export function createForwardProxy(options: ProxyOptions): http.Server {
  const server = http.createServer((req, res) => handleRequest(req, res, options));
  server.on("connect", (req: http.IncomingMessage, socket: Duplex, head: Buffer) => handleConnect(req, socket, head, options));
  server.on("clientError", (_error, socket) => socket.destroy());
  return server;
}

function handleRequest(req: http.IncomingMessage, res: http.ServerResponse, options: ProxyOptions): void {
  const startedAt = Date.now();
  if (req.url === "/healthz") {
    res.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
    return;
  }
  let target: URL;
  try {
    target = new URL(req.url ?? "");
    if (target.protocol !== "http:" && target.protocol !== "https:") throw new Error("scheme");
  } catch {
    res.writeHead(400, { "content-type": "text/plain" }).end("bulwark sidecar: send absolute-form proxy requests (http://host/path)\n");
    return;
  }
  const config = options.config();
  const scheme = target.protocol === "https:" ? "https" : "http";
  const host = target.hostname.replace(/^\[|\]$/g, "");
  const port = Number(target.port) || (scheme === "https" ? 443 : 80);
  const ids = attribution(req.headers);
  const requestBody = new Capture();
  const responseBody = new Capture();
  let status: number | undefined;
  let responseHeaders: http.IncomingHttpHeaders = {};
  let recorded = false;

  const finish = () => {
    if (recorded) return;
    recorded = true;
    const forwarded = forwardedHeaders(req.headers);
    const { path, hits: pathHits } = redactPath(`${target.pathname}${target.search}`);
    const reqInspection = inspectBody(requestBody.body, "request.body", {
      contentType: header(req.headers, "content-type"),
      contentEncoding: header(req.headers, "content-encoding"),
      truncated: requestBody.truncated,
    });
    const resInspection = inspectBody(responseBody.body, "response.body", {
      contentType: header(responseHeaders, "content-type"),
      contentEncoding: header(responseHeaders, "content-encoding"),
      truncated: responseBody.truncated,
    });
    const hits = capHits([
      ...pathHits,
      ...scanHeaders(forwarded as http.IncomingHttpHeaders, "request.header"),
      ...reqInspection.hits,
      ...scanHeaders(responseHeaders, "response.header"),
      ...resInspection.hits,
    ]);
    options.record(
      egressEvent(startedAt, ids, {
        method: (req.method ?? "GET").toUpperCase(),
        scheme,
        host,
        port,
        path,
        ...(status !== undefined ? { status } : {}),
        bytesOut: requestBody.bytes,
        bytesIn: responseBody.bytes,
        durationMs: Date.now() - startedAt,
        tls: scheme === "https",
        destinationClass: classifyDestination(host, config),
        ...(config.sinkhole ? { sinkholed: true } : {}),
        hits,
        ...(reqInspection.excerpt ? { requestBodyExcerpt: reqInspection.excerpt } : {}),
        ...(resInspection.excerpt ? { responseBodyExcerpt: resInspection.excerpt } : {}),
      }),
    );
  };

  req.on("data", (chunk: Buffer) => requestBody.add(chunk));

  if (config.sinkhole) {
    req.on("end", () => {
      status = 200;
      responseHeaders = { "content-type": "application/json", "content-length": String(SINKHOLE_BODY.length) };
      responseBody.add(SINKHOLE_BODY);
      res.writeHead(200, responseHeaders).end(SINKHOLE_BODY);
      finish();
    });
    req.on("error", finish);
    return;
  }

  const upstream = (scheme === "https" ? https : http).request({
    host,
    port,
    method: req.method,
    path: `${target.pathname}${target.search}`,
    headers: { ...forwardedHeaders(req.headers), host: target.host },
    agent: false,
    timeout: UPSTREAM_TIMEOUT_MS,
  });
  upstream.on("response", (upstreamRes) => {
    status = upstreamRes.statusCode;
    responseHeaders = upstreamRes.headers;
    res.writeHead(upstreamRes.statusCode ?? 502, forwardedHeaders(upstreamRes.headers));
    upstreamRes.on("data", (chunk: Buffer) => responseBody.add(chunk));
    upstreamRes.pipe(res);
    upstreamRes.on("end", finish);
    upstreamRes.on("error", finish);
  });
  upstream.on("timeout", () => upstream.destroy(new Error("upstream timeout")));
  upstream.on("error", (error) => {
    if (!res.headersSent) {
      status = 502;
      res.writeHead(502, { "content-type": "text/plain" }).end(`bulwark sidecar: upstream error (${error.message})\n`);
    } else {
      res.destroy();
    }
    finish();
  });
  res.on("close", () => {
    if (!res.writableFinished) upstream.destroy();
    finish();
  });
  req.pipe(upstream);
}

function handleConnect(req: http.IncomingMessage, client: Duplex, head: Buffer, options: ProxyOptions): void {
  const startedAt = Date.now();
  const authority = parseAuthority(req.url ?? "");
  if (!authority) {
    client.end("HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n");
    return;
  }
  const config = options.config();
  const ids = attribution(req.headers);
  let bytesOut = head.length;
  let bytesIn = 0;
  let status: number | undefined;
  let recorded = false;
  const finish = () => {
    if (recorded) return;
    recorded = true;
    options.record(
      egressEvent(startedAt, ids, {
        method: "CONNECT",
        scheme: "https",
        host: authority.host,
        port: authority.port,
        ...(status !== undefined ? { status } : {}),
        bytesOut,
        bytesIn,
        durationMs: Date.now() - startedAt,
        tls: true,
        destinationClass: classifyDestination(authority.host, config),
        ...(config.sinkhole ? { sinkholed: true } : {}),
        hits: [],
      }),
    );
  };
  client.on("error", () => client.destroy());
  client.on("close", finish);

  if (config.sinkhole) {
    // Accept the tunnel so the client commits to sending (its TLS ClientHello), count that, then
    // hang up: the client sees a failed handshake and nothing ever leaves the sandbox.
    status = 200;
    client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
    const timer = setTimeout(() => client.end(), SINKHOLE_CONNECT_IDLE_MS);
    client.on("data", (chunk: Buffer) => {
      bytesOut += chunk.length;
      clearTimeout(timer);
      client.end();
    });
    if (head.length > 0) {
      clearTimeout(timer);
      client.end();
    }
    client.on("close", () => clearTimeout(timer));
    return;
  }

  const upstream = net.connect({ host: authority.host, port: authority.port });
  upstream.setTimeout(UPSTREAM_TIMEOUT_MS, () => upstream.destroy());
  upstream.on("connect", () => {
    status = 200;
    client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
    if (head.length > 0) upstream.write(head);
    client.on("data", (chunk: Buffer) => {
      bytesOut += chunk.length;
    });
    upstream.on("data", (chunk: Buffer) => {
      bytesIn += chunk.length;
    });
    client.pipe(upstream);
    upstream.pipe(client);
  });
  upstream.on("error", () => {
    if (status === undefined) {
      status = 502;
      client.end("HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n");
    } else {
      client.destroy();
    }
  });
  upstream.on("close", () => client.end());
  client.on("close", () => upstream.destroy());
}
