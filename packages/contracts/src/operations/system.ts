import { z } from "zod";
import { defineOperation } from "../operation";

export const HealthResponse = z
  .object({ status: z.literal("ok"), version: z.string(), uptimeSeconds: z.number() })
  .meta({ id: "HealthResponse" });
export type HealthResponse = z.infer<typeof HealthResponse>;

export const DependencyStatus = z.object({
  status: z.enum(["ok", "failing", "not_configured"]),
  latencyMs: z.number().optional(),
  message: z.string().optional(),
});

export const ReadyResponse = z
  .object({
    status: z.enum(["ready", "not_ready"]),
    checks: z.object({ database: DependencyStatus, queue: DependencyStatus, redis: DependencyStatus }),
  })
  .meta({ id: "ReadyResponse" });
export type ReadyResponse = z.infer<typeof ReadyResponse>;

export const getHealth = defineOperation({
  id: "getHealth",
  method: "GET",
  path: "/api/health",
  tag: "System",
  summary: "Liveness probe",
  description: "Answers 200 while the process is up. Touches no dependency.",
  auth: "public",
  success: { status: 200, description: "The process is alive.", schema: HealthResponse },
  exampleResponse: { status: "ok", version: "0.1.0", uptimeSeconds: 86412.3 },
});

export const getReady = defineOperation({
  id: "getReady",
  method: "GET",
  path: "/api/ready",
  tag: "System",
  summary: "Readiness probe",
  description:
    "Checks the database, the job queue and (when configured) Redis. Answers 503 naming the failing dependency.",
  auth: "public",
  success: { status: 200, description: "Every dependency answers.", schema: ReadyResponse },
  exampleResponse: {
    status: "ready",
    checks: { database: { status: "ok", latencyMs: 2 }, queue: { status: "ok", latencyMs: 3 }, redis: { status: "not_configured" } },
  },
  errors: [503],
});

export const getOpenApiDocument = defineOperation({
  id: "getOpenApiDocument",
  method: "GET",
  path: "/api/openapi.json",
  tag: "System",
  summary: "This API's OpenAPI 3.1 document",
  auth: "public",
  success: { status: 200, description: "The OpenAPI document.", schema: z.record(z.string(), z.unknown()) },
  // The start of the document; the whole of it is what API.md is generated from.
  exampleResponse: { openapi: "3.1.0", info: { title: "Bulwark API", version: "0.1.0" }, paths: {}, components: {} },
});
