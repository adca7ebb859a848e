import { randomBytes } from "node:crypto";
import { AppError, defineOperation } from "@bulwark/contracts";
import { Prisma } from "@bulwark/db";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { randomClientIp } from "@/testing/credentials";
import { DAY_WINDOW_MS } from "@/testing/rate-limits";
import { clearPolicyOverrides, setPolicyOverride } from "@/server/rate-limit/policies";
import { route } from "./route";

const Widget = z.object({ id: z.string(), name: z.string(), size: z.number().int() });

const createWidget = defineOperation({
  id: "createWidget",
  method: "POST",
  path: "/api/v1/widgets/{id}",
  tag: "Test",
  summary: "test operation",
  auth: "public",
  params: z.object({ id: z.string().regex(/^wid_[a-z0-9]+$/) }),
  query: z.object({ dryRun: z.enum(["true", "false"]).default("false") }),
  body: z.strictObject({ name: z.string().min(1).max(20), size: z.number().int().positive() }),
  success: { status: 201, description: "Created.", schema: Widget },
});

const params = (id = "wid_1") => ({ params: Promise.resolve({ id }) });

function post(body: string | undefined, headers: Record<string, string> = { "content-type": "application/json" }, url = "http://test/api/v1/widgets/wid_1") {
  return new Request(url, { method: "POST", headers: { "x-forwarded-for": randomClientIp(), ...headers }, body });
}

const echo = route(createWidget, { maxBodyBytes: 256 }, ({ params: p, body }) => ({ id: p.id, name: body.name, size: body.size }));

async function errorOf(response: Response) {
  const json = (await response.json()) as { error: { code: string; message: string; requestId: string; details?: any } };
  expect(json.error.requestId).toBe(response.headers.get("x-request-id"));
  expect(JSON.stringify(json)).not.toMatch(/at .*\.ts:\d+|node_modules|stack/i);
  return json.error;
}

describe("route()", () => {
  it("validates, calls the handler and answers with the operation's status", async () => {
    const res = await echo(post(JSON.stringify({ name: "a", size: 2 })), params());
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: "wid_1", name: "a", size: 2 });
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("answers malformed JSON with 400 invalid_json", async () => {
    const res = await echo(post("{\"name\": "), params());
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("invalid_json");
  });

  it("answers an empty body with 400 invalid_json", async () => {
    const res = await echo(post(""), params());
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("invalid_json");
  });

  it("answers a schema failure with 422 and one entry per failing field", async () => {
    const res = await echo(post(JSON.stringify({ name: "", size: 1.5 })), params());
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe("validation_failed");
    expect(error.details.in).toBe("body");
    const paths = error.details.fields.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual(["name", "size"]);
  });

  it("rejects fields the operation does not accept (no mass assignment)", async () => {
    const res = await echo(post(JSON.stringify({ name: "a", size: 1, orgId: "org_other", id: "wid_x" })), params());
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(JSON.stringify(error.details.fields)).toMatch(/orgId/);
  });

  it("answers an oversized body with 413, by declared length and by counted bytes", async () => {
    const big = JSON.stringify({ name: "a".repeat(300), size: 1 });
    const declared = await echo(post(big), params());
    expect(declared.status).toBe(413);
    expect((await errorOf(declared)).code).toBe("payload_too_large");

    const chunked = new Request("http://test/api/v1/widgets/wid_1", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(big));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    const counted = await echo(chunked, params());
    expect(counted.status).toBe(413);
  });

  it("answers a non-JSON content type with 415", async () => {
    const res = await echo(post("name=a", { "content-type": "application/x-www-form-urlencoded" }), params());
    expect(res.status).toBe(415);
    expect((await errorOf(res)).code).toBe("unsupported_media_type");
  });

  it("answers an invalid query with 422 naming the query field", async () => {
    const res = await echo(post(JSON.stringify({ name: "a", size: 1 }), undefined, "http://test/api/v1/widgets/wid_1?dryRun=maybe"), params());
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.details.in).toBe("query");
    expect(error.details.fields[0].path).toBe("dryRun");
  });

  it("answers a malformed path id with 404, as for any unknown resource", async () => {
    const res = await echo(post(JSON.stringify({ name: "a", size: 1 })), params("../../etc/passwd"));
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe("not_found");
  });

  it("keeps a well-formed incoming request id and replaces a hostile one", async () => {
    const kept = await echo(post(JSON.stringify({ name: "a", size: 1 }), { "content-type": "application/json", "x-request-id": "trace-1234abcd" }), params());
    expect(kept.headers.get("x-request-id")).toBe("trace-1234abcd");
    const replaced = await echo(post(JSON.stringify({ name: "a", size: 1 }), { "content-type": "application/json", "x-request-id": "<script>alert(1)</script>" }), params());
    expect(replaced.headers.get("x-request-id")).toMatch(/^req_/);
  });

  it("maps AppError to its status and keeps its details and headers", async () => {
    const handler = route(createWidget, {}, () => {
      throw new AppError("rate_limited", "Slow down.", { details: { limit: 5 }, headers: { "Retry-After": "3" } });
    });
    const res = await handler(post(JSON.stringify({ name: "a", size: 1 })), params());
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("3");
    const error = await errorOf(res);
    expect(error).toMatchObject({ code: "rate_limited", message: "Slow down.", details: { limit: 5 } });
  });

  it("maps a unique violation to 409 and a missing record to 404", async () => {
    const unique = route(createWidget, {}, () => {
      throw new Prisma.PrismaClientKnownRequestError("Unique constraint failed on the fields: (`name`)", { code: "P2002", clientVersion: "6.19.3" });
    });
    expect((await unique(post(JSON.stringify({ name: "a", size: 1 })), params())).status).toBe(409);
    const missing = route(createWidget, {}, () => {
      throw new Prisma.PrismaClientKnownRequestError("Record to update not found.", { code: "P2025", clientVersion: "6.19.3" });
    });
    expect((await missing(post(JSON.stringify({ name: "a", size: 1 })), params())).status).toBe(404);
  });

  it("hides unknown errors behind a generic 500", async () => {
    const handler = route(createWidget, {}, () => {
      throw new Error("connect ECONNREFUSED 10.0.0.5:5432 password=hunter2");
    });
    const res = await handler(post(JSON.stringify({ name: "a", size: 1 })), params());
    expect(res.status).toBe(500);
    const error = await errorOf(res);
    expect(error.code).toBe("internal_error");
    expect(error.message).not.toMatch(/ECONNREFUSED|hunter2|10\.0\.0\.5/);
  });

  it("refuses to send a response that breaks the operation's schema (dev and test)", async () => {
    const handler = route(createWidget, {}, () => ({ id: "wid_1", name: "a", size: "big" }) as never);
    const res = await handler(post(JSON.stringify({ name: "a", size: 1 })), params());
    expect(res.status).toBe(500);
  });

  it("passes a handler's own Response through with the request id added", async () => {
    const handler = route(createWidget, {}, () => new Response("raw", { status: 202 }));
    const res = await handler(post(JSON.stringify({ name: "a", size: 1 })), params());
    expect(res.status).toBe(202);
    expect(await res.text()).toBe("raw");
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
  });

  it("sets rate limit headers and answers 429 with Retry-After past the limit", async () => {
    setPolicyOverride("api.write", { rules: { ip: { limit: 2, windowMs: DAY_WINDOW_MS } }, onBackendFailure: "memory" });
    try {
      // A /64 of its own (the limiter keys IPv6 callers by /64), so no other run's counter is met.
      const prefix = randomBytes(4).toString("hex").replace(/^(.{4})/, "$1:");
      const from = { "content-type": "application/json", "x-forwarded-for": `2001:db8:${prefix}::1` };
      const body = JSON.stringify({ name: "a", size: 1 });
      const first = await echo(post(body, from), params());
      expect(first.status).toBe(201);
      expect(first.headers.get("ratelimit-limit")).toBe("2");
      expect(first.headers.get("ratelimit-remaining")).toBe("1");
      expect(first.headers.get("x-ratelimit-limit")).toBe("2");
      expect((await echo(post(body, from), params())).status).toBe(201);
      const limited = await echo(post(body, from), params());
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(limited.headers.get("ratelimit-remaining")).toBe("0");
      expect((await errorOf(limited)).code).toBe("rate_limited");
    } finally {
      clearPolicyOverrides();
    }
  });
});
