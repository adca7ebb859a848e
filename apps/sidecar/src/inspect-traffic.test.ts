import { describe, expect, it } from "vitest";
import { MAX_EXCERPT_CHARS, inspectBody, redactPath, scanHeaders } from "./inspect-traffic";

const OPENAI_KEY = "sk-proj-" + "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7dEf0hIj3kLm6n";

describe("scanHeaders", () => {
  it("finds a bearer token and counts a credential header by its name", () => {
    const hits = scanHeaders({ authorization: `Bearer ${OPENAI_KEY}`, "x-api-key": "plainvalue", accept: "*/*" }, "request.header");
    expect(hits.map((hit) => hit.location)).toEqual(expect.arrayContaining(["request.header.authorization", "request.header.x-api-key"]));
    expect(hits.every((hit) => hit.type === "secret")).toBe(true);
    expect(JSON.stringify(hits)).not.toContain(OPENAI_KEY);
    expect(JSON.stringify(hits)).not.toContain("plainvalue");
  });

  it("finds nothing in ordinary headers", () => {
    expect(scanHeaders({ accept: "application/json", "user-agent": "curl/8.0" }, "request.header")).toEqual([]);
  });
});

describe("inspectBody", () => {
  it("redacts JSON string values, keeps numbers, reports JSON paths", () => {
    const body = Buffer.from(JSON.stringify({ ts: 1714564800123, user: { email: "bob@example.com" }, key: OPENAI_KEY }));
    const { hits, excerpt } = inspectBody(body, "request.body", { contentType: "application/json" });
    expect(hits.map((hit) => [hit.kind, hit.location])).toEqual(
      expect.arrayContaining([["EMAIL", "request.body$.user.email"], ["API_KEY", "request.body$.key"]]),
    );
    expect(excerpt).toContain("1714564800123");
    expect(excerpt).toContain("[EMAIL]");
    expect(excerpt).not.toContain("bob@example.com");
    expect(excerpt).not.toContain(OPENAI_KEY);
  });

  it("redacts text bodies and caps the excerpt", () => {
    const body = Buffer.from(`mail bob@example.com key ${OPENAI_KEY} ` + "x".repeat(10_000));
    const { hits, excerpt } = inspectBody(body, "request.body", { contentType: "text/plain" });
    expect(hits.map((hit) => hit.kind)).toEqual(expect.arrayContaining(["EMAIL", "API_KEY"]));
    expect(excerpt?.length).toBe(MAX_EXCERPT_CHARS);
    expect(excerpt).not.toContain("bob@example.com");
  });

  it("falls back to text for invalid JSON and skips compressed or binary bodies", () => {
    expect(inspectBody(Buffer.from("{bad bob@example.com"), "b", { contentType: "application/json" }).excerpt).toBe("{bad [EMAIL]");
    expect(inspectBody(Buffer.from("bob@example.com"), "b", { contentEncoding: "gzip" })).toEqual({ hits: [] });
    expect(inspectBody(Buffer.from("bob@example.com"), "b", { contentType: "image/png" })).toEqual({ hits: [] });
    expect(inspectBody(Buffer.alloc(0), "b")).toEqual({ hits: [] });
  });
});

describe("redactPath", () => {
  it("redacts secrets in the query string", () => {
    const { path, hits } = redactPath(`/collect?token=${OPENAI_KEY}&to=bob@example.com`);
    expect(path).not.toContain(OPENAI_KEY);
    expect(path).not.toContain("bob@example.com");
    expect(hits.length).toBeGreaterThanOrEqual(2);
  });
});
