import http from "node:http";
import { z } from "zod";
import { chat } from "./agent";
import type { AgentConfig } from "./config";
import { outboundRequest } from "./outbound";
import { SessionStore } from "./session-store";
import type { Requester } from "./tool-calls";

export const ChatRequest = z.object({
  message: z.string().min(1).max(16_000),
  session_id: z.string().min(1).max(200),
});
export type ChatRequest = z.infer<typeof ChatRequest>;

const MAX_BODY_BYTES = 64 * 1024;
const FORWARDED_HEADERS = ["x-bulwark-run-id", "x-bulwark-turn-id"] as const;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function send(res: http.ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, "payload_too_large", `Body exceeds ${MAX_BODY_BYTES} bytes`));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch {
        reject(new HttpError(400, "invalid_json", "Body must be valid JSON"));
      }
    });
    req.on("error", reject);
  });
}

/** The run/turn ids the worker sent, passed on to every outbound call so the sidecar can attribute egress. */
function forwardedHeaders(req: http.IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = req.headers[name];
    if (typeof value === "string" && /^[\x21-\x7e]{1,200}$/.test(value)) headers[name] = value;
  }
  return headers;
}

export function createAgentServer(config: AgentConfig, sessions = new SessionStore()): http.Server {
  return http.createServer((req, res) => {
    void handle(config, sessions, req, res).catch((error: unknown) => {
      if (error instanceof HttpError) return send(res, error.status, { error: { code: error.code, message: error.message } });
      if (!res.headersSent) send(res, 500, { error: { code: "internal_error", message: "Something went wrong" } });
    });
  });
}

async function handle(config: AgentConfig, sessions: SessionStore, req: http.IncomingMessage, res: http.ServerResponse) {
  const path = new URL(req.url ?? "/", "http://agent").pathname;
  // GET /health — liveness plus the mode, so a demo operator can see which agent is running
  if (path === "/health" && req.method === "GET") {
    return send(res, 200, { status: "ok", mode: config.mode, weaknesses: config.mode === "vulnerable" ? [...config.weaknesses] : [] });
  }
  // POST /chat — one turn of conversation: { message, session_id } → { reply, tool_calls }
  if (path === "/chat") {
    if (req.method !== "POST") throw new HttpError(405, "method_not_allowed", "Use POST");
    const parsed = ChatRequest.safeParse(await readJson(req));
    if (!parsed.success) {
      throw new HttpError(400, "invalid_request", parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
    }
    const headers = forwardedHeaders(req);
    const requester: Requester = (request) =>
      outboundRequest(
        { ...request, headers: { ...request.headers, ...headers } },
        { proxy: config.proxy, timeoutMs: config.outboundTimeoutMs, proxyHeaders: headers },
      );
    return send(res, 200, await chat({ config, sessions, requester }, parsed.data.message, parsed.data.session_id));
  }
  throw new HttpError(404, "not_found", "Not found");
}
