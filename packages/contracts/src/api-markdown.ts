import type { buildOpenApiDocument } from "./openapi";

type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

interface OperationObject {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters: { name: string; in: string; required: boolean; description?: string; schema: Record<string, unknown>; example?: unknown }[];
  requestBody?: { content: Record<string, { schema: unknown; example?: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: unknown; example?: unknown }> }>;
  security: unknown[];
  "x-required-scope"?: string;
  "x-platform-admin"?: boolean;
  "x-sidecar"?: boolean;
}

function authOf(op: OperationObject): string {
  if (op.security.length === 0) return "none";
  if (op["x-platform-admin"]) return "session of a platform administrator";
  if (op["x-sidecar"]) return "sidecar token, or API key with `ingest:write` and `?projectId=`";
  if (op["x-required-scope"]) return `API key or session, scope \`${op["x-required-scope"]}\``;
  return "session of a signed-in user";
}

/** The credential each kind of caller sends in the examples (shell variables the reader sets). */
function credentialArgs(op: OperationObject, method: string): string[] {
  if (op.security.length === 0) return [];
  if (op["x-sidecar"]) return ['-H "Authorization: Bearer $BULWARK_SIDECAR_TOKEN"'];
  if (op["x-required-scope"]) return ['-H "Authorization: Bearer $BULWARK_API_KEY"'];
  // Session-only operations: the dashboard's cookie, and for a change, the same-origin proof the
  // server asks of every cookie-authenticated mutation.
  const cookie = '-b "__Secure-authjs.session-token=$BULWARK_SESSION"';
  return method === "get" ? [cookie] : [cookie, '-H "Origin: $BULWARK_URL"'];
}

/** `'…'` for the shell: a single quote inside becomes `'\''`. */
const shellQuote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

/** A copy-pasteable curl command for the operation's documented example. */
function curlExample(method: string, path: string, op: OperationObject): string {
  let url = path;
  const query = new URLSearchParams();
  for (const p of op.parameters) {
    if (p.example === undefined) continue;
    if (p.in === "path") url = url.replace(`{${p.name}}`, encodeURIComponent(String(p.example)));
    else query.set(p.name, String(p.example));
  }
  const search = query.size > 0 ? `?${query.toString()}` : "";
  const body = op.requestBody?.content["application/json"]?.example;
  const isStream = Object.values(op.responses).some((r) => r.content?.["text/event-stream"]);
  const args = [
    `curl${isStream ? " -N" : ""}${method === "get" ? "" : ` -X ${method.toUpperCase()}`} "$BULWARK_URL${url}${search}"`,
    ...credentialArgs(op, method),
    ...(body !== undefined ? ['-H "Content-Type: application/json"', `-d ${shellQuote(JSON.stringify(body, null, 2))}`] : []),
  ];
  return args.join(" \\\n  ");
}

const FENCE_LANGUAGE: Record<string, string> = { "text/markdown": "markdown", "text/html": "html", "application/xml": "xml" };

/** The success response's example: status, media type and body. */
function responseExample(op: OperationObject): string[] {
  const [status, response] = Object.entries(op.responses).find(([code]) => code.startsWith("2")) ?? [];
  if (!status || !response) return [];
  const [type, media] = Object.entries(response.content ?? {})[0] ?? [];
  if (!type || !media) return [`Response \`${status}\`, no body.`];
  if (media.example === undefined) return [`Response \`${status}\` (\`${type}\`).`];
  const text = typeof media.example === "string" ? media.example : JSON.stringify(media.example, null, 2);
  const language = type.endsWith("json") ? "json" : (FENCE_LANGUAGE[type] ?? "text");
  // A fence longer than any backtick run inside, so a Markdown report's own fences stay inside.
  const fence = "`".repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((run) => run[0].length + 1)));
  return [`Response \`${status}\` (\`${type}\`):`, "", `${fence}${language}`, text.trimEnd(), fence];
}

const METHOD_ORDER = ["get", "post", "put", "patch", "delete"];

function schemaName(schema: unknown): string {
  const ref = (schema as { $ref?: string } | undefined)?.$ref;
  return ref ? `\`${ref.split("/").pop()}\`` : "inline schema";
}

/**
 * API.md, rendered from the OpenAPI document so the two cannot disagree. A test regenerates it
 * and fails when the committed file is stale (`npm run docs:api` rewrites it).
 */
export function renderApiMarkdown(doc: OpenApiDocument): string {
  const lines: string[] = [
    "# Bulwark REST API",
    "",
    "<!-- Generated from the OpenAPI document by `npm run docs:api`. Do not edit by hand. -->",
    "",
    `Version ${doc.info.version}. The machine-readable description is served at \`GET /api/openapi.json\` (OpenAPI 3.1).`,
    "",
    "## Conventions",
    "",
    "- Authenticate with `Authorization: Bearer <api key>` (keys start with `bwk_`) or a dashboard session cookie.",
    "- The examples are curl commands for a shell where `BULWARK_URL` is the public URL (e.g. `https://bulwark.example.com`) and, as the operation needs, `BULWARK_API_KEY` is an API key (`bwk_…`), `BULWARK_SIDECAR_TOKEN` a sidecar token (`bws_…`) or `BULWARK_SESSION` the value of a signed-in browser's `__Secure-authjs.session-token` cookie (`authjs.session-token` over plain http). A session changing something must also send `Origin: $BULWARK_URL`.",
    "- Every response carries `X-Request-Id`; send your own (8–128 characters of `A-Za-z0-9._:-`) to correlate.",
    "- Request bodies are JSON (`Content-Type: application/json`, at most 1 MiB unless stated). Unknown fields are rejected.",
    "- Every error uses one envelope:",
    "",
    "```json",
    '{ "error": { "code": "validation_failed", "message": "Invalid body: name: Too small", "requestId": "req_…", "details": { "in": "body", "fields": [{ "path": "name", "code": "too_small", "message": "Too small" }] } } }',
    "```",
    "",
    "| code | HTTP status |",
    "| --- | --- |",
    ...Object.entries(doc["x-error-codes"]).map(([code, status]) => `| \`${code}\` | ${status} |`),
    "",
    "## Endpoints",
  ];

  const byTag = new Map<string, { method: string; path: string; op: OperationObject }[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods as Record<string, OperationObject>)) {
      const tag = op.tags[0] ?? "Other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, op }]);
    }
  }

  for (const [tag, entries] of [...byTag.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push("", `### ${tag}`);
    entries.sort((a, b) => a.path.localeCompare(b.path) || METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method));
    for (const { method, path, op } of entries) {
      lines.push("", `#### \`${method.toUpperCase()} ${path}\` — ${op.summary}`, "");
      if (op.description) lines.push(op.description, "");
      lines.push(`- Operation id: \`${op.operationId}\``, `- Authentication: ${authOf(op)}`);
      for (const p of op.parameters) {
        lines.push(`- ${p.in === "path" ? "Path" : "Query"} parameter \`${p.name}\`${p.required ? " (required)" : ""}${p.description ? `: ${p.description}` : ""}`);
      }
      if (op.requestBody) lines.push(`- Body: ${schemaName(op.requestBody.content["application/json"]?.schema)}`);
      lines.push("- Responses:");
      for (const [status, response] of Object.entries(op.responses)) {
        const types = Object.keys(response.content ?? {});
        const content = response.content?.[types[0] ?? ""];
        const shape = content?.schema ? schemaName(content.schema) : types.map((type) => `\`${type}\``).join(", ");
        lines.push(`  - \`${status}\` ${response.description}${shape ? ` (${shape})` : ""}`);
      }
      lines.push("", "Example request:", "", "```sh", curlExample(method, path, op), "```", "", ...responseExample(op));
    }
  }

  lines.push("", "## Schemas", "");
  for (const [name, schema] of Object.entries(doc.components.schemas)) {
    lines.push(`### \`${name}\``, "", "```json", JSON.stringify(schema, null, 2), "```", "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
