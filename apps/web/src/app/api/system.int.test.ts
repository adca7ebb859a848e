import SwaggerParser from "@apidevtools/swagger-parser";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as health } from "./health/route";
import { GET as openapi } from "./openapi.json/route";
import { GET as ready } from "./ready/route";

describe("system endpoints", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("GET /api/health answers 200 without touching a dependency", async () => {
    const res = await health(new Request("http://test/api/health"));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });

  it("GET /api/ready answers 200 when the database and queue answer", async () => {
    const res = await ready(new Request("http://test/api/ready"));
    const body = (await res.json()) as { status: string; checks: Record<string, { status: string }> };
    expect({ status: res.status, body }).toMatchObject({ status: 200 });
    expect(body.status).toBe("ready");
    expect(body.checks.database!.status).toBe("ok");
    expect(body.checks.queue!.status).toBe("ok");
    expect(body.checks.redis!.status).toBe(process.env.REDIS_URL ? "ok" : "not_configured");
  });

  it("GET /api/ready answers 503 naming Redis when Redis is configured but unreachable", async () => {
    vi.resetModules();
    vi.stubEnv("REDIS_URL", "redis://127.0.0.1:1");
    vi.stubEnv("UPSTASH_REDIS_REST_URL", "");
    vi.stubEnv("UPSTASH_REDIS_REST_TOKEN", "");
    (globalThis as { bulwarkRedis?: unknown }).bulwarkRedis = undefined;
    const { GET } = await import("./ready/route");
    const res = await GET(new Request("http://test/api/ready"));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    const body = (await res.json()) as { error: { code: string; message: string; details: { failing: string[] } } };
    expect(body.error.code).toBe("service_unavailable");
    expect(body.error.details.failing).toEqual(["redis"]);
    expect(body.error.message).toMatch(/redis/);
    (globalThis as { bulwarkRedis?: unknown }).bulwarkRedis = undefined;
  });

  it("GET /api/openapi.json serves a valid OpenAPI 3.1 document", async () => {
    const res = await openapi(new Request("http://test/api/openapi.json"));
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/health", "/api/ready", "/api/openapi.json"]));
    await expect(SwaggerParser.validate(doc as never)).resolves.toBeTruthy();
  });
});
