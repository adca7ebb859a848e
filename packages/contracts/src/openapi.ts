import { z } from "zod";
import { ERROR_STATUS, ErrorEnvelope } from "./errors";
import type { AnyOperation } from "./operation";

type JsonSchema = Record<string, unknown>;

const COMMON_ERRORS: Record<number, string> = {
  400: "Malformed request (for example, a body that is not JSON).",
  401: "Missing, unknown, expired or revoked credentials.",
  403: "The credentials lack the scope or role this operation needs.",
  404: "The resource does not exist in the caller's organization.",
  413: "The request body is too large.",
  422: "The request failed validation; `details.fields` names each failing field.",
  429: "Rate limit or quota exceeded; see `Retry-After`.",
  500: "Unexpected error; quote `requestId` when reporting it.",
  503: "A dependency is unavailable.",
};

/**
 * Converts a zod schema to JSON Schema 2020-12 (the dialect OpenAPI 3.1 uses) and hoists
 * named sub-schemas (`.meta({ id })`) into `components`, rewriting their references.
 */
function toSchema(schema: z.ZodType, io: "input" | "output", components: Record<string, JsonSchema>): JsonSchema {
  const converted = z.toJSONSchema(schema, { target: "draft-2020-12", unrepresentable: "any", io }) as JsonSchema;
  const { $schema: _dialect, $defs, ...root } = converted;
  for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
    const rewritten = rewriteRefs(def) as JsonSchema;
    const existing = components[name];
    if (existing && JSON.stringify(existing) !== JSON.stringify(rewritten)) {
      throw new Error(`Two different schemas share the component name "${name}".`);
    }
    components[name] = rewritten;
  }
  return rewriteRefs(root) as JsonSchema;
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === "$ref" && typeof v === "string" ? v.replace("#/$defs/", "#/components/schemas/") : rewriteRefs(v),
      ]),
    );
  }
  return value;
}

function parametersFor(op: AnyOperation, location: "path" | "query", components: Record<string, JsonSchema>) {
  const schema = location === "path" ? op.params : op.query;
  if (!schema) return [];
  const json = toSchema(schema, "input", components);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  const examples = ((location === "path" ? op.exampleParams : op.exampleQuery) ?? {}) as Record<string, unknown>;
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === "path" ? true : required.has(name),
    ...(typeof property.description === "string" ? { description: property.description } : {}),
    schema: property,
    ...(examples[name] !== undefined ? { example: examples[name] } : {}),
  }));
}

/** The success response's media types with their schema, and the example under the first one. */
function successContent(op: AnyOperation, components: Record<string, JsonSchema>) {
  const { schema, contentType } = op.success;
  const types = typeof contentType === "string" ? [contentType] : contentType?.length ? [...contentType] : schema ? ["application/json"] : [];
  const example = op.exampleResponse !== undefined ? { example: op.exampleResponse } : {};
  const schemaObject = schema ? { schema: toSchema(schema, "output", components) } : {};
  return types.length === 0
    ? {}
    : { content: Object.fromEntries(types.map((type, i) => [type, { ...schemaObject, ...(i === 0 ? example : {}) }])) };
}

function securityOf(op: AnyOperation) {
  switch (op.auth) {
    case "public":
      return { security: [] };
    case "principal":
      return { security: [{ apiKey: [] }, { session: [] }], "x-required-scope": op.scope };
    case "user":
      return { security: [{ session: [] }] };
    case "platform_admin":
      return { security: [{ session: [] }], "x-platform-admin": true };
    case "sidecar":
      return { security: [{ sidecarToken: [] }, { apiKey: [] }], "x-sidecar": true };
  }
}

export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
  serverUrl?: string;
}

export function buildOpenApiDocument(operations: readonly AnyOperation[], info: OpenApiInfo) {
  const components: Record<string, JsonSchema> = {};
  const errorRef = { $ref: "#/components/schemas/ErrorEnvelope" };
  toSchema(ErrorEnvelope, "output", components);
  const paths: Record<string, Record<string, unknown>> = {};

  for (const op of operations) {
    const responses: Record<string, unknown> = {
      [op.success.status]: { description: op.success.description, ...successContent(op, components) },
    };
    const errorStatuses = new Set<number>([500, ...(op.errors ?? [])]);
    if (op.body) [400, 413, 422].forEach((s) => errorStatuses.add(s));
    if (op.params || op.query) errorStatuses.add(422);
    if (op.auth !== "public") [401, 403, 429].forEach((s) => errorStatuses.add(s));
    if (op.params) errorStatuses.add(404);
    for (const status of [...errorStatuses].sort()) {
      responses[status] = {
        description: COMMON_ERRORS[status] ?? "Error.",
        content: { "application/json": { schema: errorRef } },
      };
    }

    paths[op.path] ??= {};
    paths[op.path]![op.method.toLowerCase()] = {
      operationId: op.id,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: [op.tag],
      ...securityOf(op),
      parameters: [...parametersFor(op, "path", components), ...parametersFor(op, "query", components)],
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: {
                "application/json": {
                  schema: toSchema(op.body, "input", components),
                  ...(op.exampleBody !== undefined ? { example: op.exampleBody } : {}),
                },
              },
            },
          }
        : {}),
      responses,
    };
  }

  return {
    openapi: "3.1.0",
    info: { title: info.title, version: info.version, ...(info.description ? { description: info.description } : {}) },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "An API key (`bwk_…`) sent as `Authorization: Bearer <key>`." },
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "A dashboard session." },
        sidecarToken: { type: "http", scheme: "bearer", description: "A sidecar token (`bws_…`), bound to one project." },
      },
    },
    "x-error-codes": ERROR_STATUS,
  };
}

/** The API's identity in the OpenAPI document and API.md. Bump `version` with breaking changes. */
export const API_INFO: OpenApiInfo = {
  title: "Bulwark API",
  version: "0.1.0",
  description:
    "Test and govern AI agents: organizations, projects, runs, findings and egress evidence. Every error uses one envelope: `{ error: { code, message, requestId, details? } }`.",
};
