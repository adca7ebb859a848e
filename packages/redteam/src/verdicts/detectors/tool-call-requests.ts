import { type ToolCall } from "../types";
import { normaliseHost } from "./is-internal-host";

export interface ToolCallRequest {
  method: string;
  host: string;
}

const URL_KEYS = ["url", "uri", "endpoint", "href"] as const;
/** Arguments are small; a bound keeps a hostile, deeply nested value cheap to walk. */
const MAX_DEPTH = 4;
const MAX_JSON_STRING = 64 * 1024;

/**
 * HTTP requests a tool call asks for: any object in its arguments with a string `method` and a
 * URL (`url`, `uri`, `endpoint` or `href`), as the demo agent's `admin_api {method, url}` and
 * `http_request {method, url, body}`. Arguments reported as a JSON string (as some function-
 * calling APIs do) are parsed first. A URL without a scheme is read as http.
 */
export function toolCallRequests(call: ToolCall): ToolCallRequest[] {
  const requests: ToolCallRequest[] = [];
  walk(parseIfJson(call.arguments), 0, requests);
  return requests;
}

function walk(value: unknown, depth: number, out: ToolCallRequest[]): void {
  if (depth > MAX_DEPTH || value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const item of value) walk(item, depth + 1, out);
    return;
  }
  const record = value as Record<string, unknown>;
  const method = typeof record.method === "string" ? record.method.trim().toUpperCase() : null;
  const url = URL_KEYS.map((key) => record[key]).find((candidate): candidate is string => typeof candidate === "string");
  const host = url === undefined ? null : hostOf(url);
  if (method && host) out.push({ method, host });
  for (const child of Object.values(record)) walk(child, depth + 1, out);
}

function parseIfJson(value: unknown): unknown {
  if (typeof value !== "string" || value.length > MAX_JSON_STRING) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function hostOf(url: string): string | null {
  const trimmed = url.trim();
  for (const candidate of [trimmed, `http://${trimmed}`]) {
    try {
      const parsed = new URL(candidate);
      if (parsed.hostname !== "") return normaliseHost(parsed.hostname);
    } catch {
      // Not a URL in this reading; try the next.
    }
  }
  return null;
}
