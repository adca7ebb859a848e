import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { renderApiMarkdown } from "./api-markdown";
import { API_INFO, buildOpenApiDocument } from "./openapi";
import type { AnyOperation } from "./operation";
import { operations } from "./operations";

// The documented examples (API.md, the OpenAPI document) are data the schemas must accept as
// they are: an example that only parses after zod strips a renamed field has drifted.
function problems(schema: z.ZodType, example: unknown): string | null {
  const parsed = schema.safeParse(example);
  if (!parsed.success) return parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ");
  return isDeepStrictEqual(parsed.data, example) ? null : `changes when parsed: ${JSON.stringify(parsed.data)}`;
}

const label = (op: AnyOperation) => `${op.id} (${op.method} ${op.path}) in packages/contracts/src/operations`;
const hasRequired = (schema: z.ZodType | undefined) => schema?.safeParse({}).success === false;

// Prefixed ids (packages/db ids.ts): three letters, `_`, 26 characters of lowercase Crockford
// base32. API keys and sidecar tokens (`bwk_`, `bws_`) have 10 lookup + 32 secret characters.
const ID_LIKE = /^[a-z]{3}_[0-9a-z]{20,}$/;
const ID = /^[a-z]{3}_[0-9a-hjkmnp-tv-z]{26}$/;
const SECRET_TOKEN = /^bw[ks]_[0-9a-hjkmnp-tv-z]{10}([0-9a-hjkmnp-tv-z]{32})?$/;

function malformedIds(value: unknown, path = "$"): string[] {
  if (typeof value === "string") return ID_LIKE.test(value) && !ID.test(value) && !SECRET_TOKEN.test(value) ? [`${path}=${value}`] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => malformedIds(item, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, item]) => malformedIds(item, `${path}.${key}`));
  return [];
}

describe("documented examples", () => {
  it.each(operations.map((op) => [op.id, op] as const))("%s has a request example its schemas accept", (_id, op) => {
    if (op.params) {
      expect(op.exampleParams, `${label(op)}: add exampleParams`).toBeDefined();
      expect(problems(op.params, op.exampleParams), `${label(op)}: exampleParams`).toBeNull();
    } else expect(op.exampleParams, `${label(op)}: exampleParams without params`).toBeUndefined();
    if (hasRequired(op.query)) expect(op.exampleQuery, `${label(op)}: add exampleQuery (the query has required fields)`).toBeDefined();
    if (op.exampleQuery !== undefined) {
      expect(op.query, `${label(op)}: exampleQuery without query`).toBeDefined();
      expect(op.query!.safeParse(op.exampleQuery).success, `${label(op)}: exampleQuery`).toBe(true);
    }
    if (op.body) {
      expect(op.exampleBody, `${label(op)}: add exampleBody`).toBeDefined();
      expect(op.body.safeParse(op.exampleBody).success, `${label(op)}: exampleBody`).toBe(true);
    }
    expect(malformedIds([op.exampleParams, op.exampleQuery, op.exampleBody]), `${label(op)}: ids`).toEqual([]);
  });

  it.each(operations.map((op) => [op.id, op] as const))("%s has a response example its success schema accepts", (_id, op) => {
    if (op.success.status === 204) {
      expect(op.exampleResponse, `${label(op)}: a 204 has no body`).toBeUndefined();
      return;
    }
    expect(op.exampleResponse, `${label(op)}: add exampleResponse`).toBeDefined();
    if (op.success.schema) {
      expect(problems(op.success.schema, op.exampleResponse), `${label(op)}: exampleResponse`).toBeNull();
    } else {
      expect(op.success.contentType, `${label(op)}: a body without a schema names its contentType`).toBeDefined();
      expect(typeof op.exampleResponse, `${label(op)}: a non-JSON example is text`).toBe("string");
    }
    expect(malformedIds(op.exampleResponse), `${label(op)}: ids`).toEqual([]);
  });

  it("puts every example where OpenAPI expects it", () => {
    const doc = buildOpenApiDocument(operations, API_INFO) as unknown as {
      paths: Record<string, Record<string, {
        parameters: { name: string; in: string; example?: unknown }[];
        requestBody?: { content: Record<string, { example?: unknown }> };
        responses: Record<string, { content?: Record<string, { example?: unknown }> }>;
      }>>;
    };
    for (const op of operations) {
      const documented = doc.paths[op.path]![op.method.toLowerCase()]!;
      for (const [name, value] of Object.entries({ ...(op.exampleParams as object) })) {
        expect(documented.parameters.find((p) => p.in === "path" && p.name === name)?.example, `${op.id} path ${name}`).toEqual(value);
      }
      for (const [name, value] of Object.entries({ ...(op.exampleQuery as object) })) {
        expect(documented.parameters.find((p) => p.in === "query" && p.name === name)?.example, `${op.id} query ${name}`).toEqual(value);
      }
      if (op.body) expect(documented.requestBody?.content["application/json"]?.example, `${op.id} body`).toEqual(op.exampleBody);
      const content = documented.responses[String(op.success.status)]?.content;
      if (op.exampleResponse === undefined) expect(content, `${op.id} response`).toBeUndefined();
      else expect(Object.values(content ?? {})[0]?.example, `${op.id} response`).toEqual(op.exampleResponse);
    }
  });

  it("renders a curl command and the response for every operation in API.md", () => {
    const markdown = renderApiMarkdown(buildOpenApiDocument(operations, API_INFO));
    const sections = markdown.split(/\n#### /).slice(1);
    expect(sections).toHaveLength(operations.length);
    for (const section of sections) {
      const heading = section.slice(0, section.indexOf("\n"));
      expect(section, heading).toMatch(/\n```sh\ncurl /);
      expect(section, heading).toMatch(/\nResponse `2\d\d`/);
    }
  });
});
