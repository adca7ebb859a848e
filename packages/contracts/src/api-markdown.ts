import type { buildOpenApiDocument } from "./openapi";

type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

interface OperationObject {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters: { name: string; in: string; required: boolean; description?: string; schema: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
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
        const content = response.content ? Object.values(response.content)[0] : undefined;
        lines.push(`  - \`${status}\` ${response.description}${content ? ` (${schemaName(content.schema)})` : ""}`);
      }
    }
  }

  lines.push("", "## Schemas", "");
  for (const [name, schema] of Object.entries(doc.components.schemas)) {
    lines.push(`### \`${name}\``, "", "```json", JSON.stringify(schema, null, 2), "```", "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
