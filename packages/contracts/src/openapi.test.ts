import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildOpenApiDocument } from "./openapi";
import { defineOperation } from "./operation";
import { operations } from "./operations";

const info = { title: "Bulwark API", version: "test" };

describe("buildOpenApiDocument", () => {
  it("produces a valid OpenAPI 3.1 document for every registered operation", async () => {
    const doc = buildOpenApiDocument(operations, info);
    expect(doc.openapi).toBe("3.1.0");
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
    for (const op of operations) {
      const path = doc.paths[op.path] as Record<string, { operationId: string }>;
      expect(path[op.method.toLowerCase()]?.operationId).toBe(op.id);
    }
  });

  it("gives every operation with a body a valid example, and every principal operation a scope", () => {
    for (const op of operations) {
      if (op.body) expect(op.body.safeParse(op.exampleBody).success, `${op.id} example body`).toBe(true);
      if (op.auth === "principal") expect(op.scope, `${op.id} scope`).toBeDefined();
    }
  });

  it("has unique operation ids and unique method+path pairs", () => {
    const ids = operations.map((op) => op.id);
    expect(new Set(ids).size).toBe(ids.length);
    const routes = operations.map((op) => `${op.method} ${op.path}`);
    expect(new Set(routes).size).toBe(routes.length);
  });

  it("hoists named schemas into components and documents the error envelope", async () => {
    const Thing = z.object({ id: z.string(), name: z.string().min(1) }).meta({ id: "Thing" });
    const op = defineOperation({
      id: "createThing",
      method: "POST",
      path: "/api/v1/things/{id}",
      tag: "Things",
      summary: "Create a thing",
      auth: "principal",
      scope: "projects:write",
      params: z.object({ id: z.string() }),
      query: z.object({ dryRun: z.enum(["true", "false"]).optional() }),
      body: z.strictObject({ name: z.string().min(1) }),
      success: { status: 201, description: "Created.", schema: Thing },
    });
    const doc = buildOpenApiDocument([op], info);
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
    const created = doc.paths["/api/v1/things/{id}"]!.post as Record<string, any>;
    expect(created.responses["201"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Thing" });
    expect(created.responses["422"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/ErrorEnvelope" });
    expect(created.responses["401"]).toBeDefined();
    expect(created.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "id", in: "path", required: true }),
        expect.objectContaining({ name: "dryRun", in: "query", required: false }),
      ]),
    );
    expect(doc.components.schemas).toHaveProperty("Thing");
  });

  it("refuses two different schemas under one component name", () => {
    const a = z.object({ a: z.string() }).meta({ id: "Clash" });
    const b = z.object({ b: z.number() }).meta({ id: "Clash" });
    const make = (id: string, schema: z.ZodType) =>
      defineOperation({ id, method: "GET", path: `/api/${id}`, tag: "T", summary: id, auth: "public", success: { status: 200, description: "ok", schema } });
    expect(() => buildOpenApiDocument([make("a", a), make("b", b)], info)).toThrow(/Clash/);
  });
});
