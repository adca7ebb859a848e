import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConnectorConfig, demoAgentConnector } from "./connector-config";
import { sealSecret } from "./secret-box";

function issues(input: unknown): string[] {
  const result = ConnectorConfig.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("ConnectorConfig", () => {
  it("fills the defaults", () => {
    expect(ConnectorConfig.parse({ url: "https://agent.example.com/chat" })).toEqual({
      url: "https://agent.example.com/chat",
      method: "POST",
      headers: [],
      timeoutMs: 30_000,
      maxConcurrency: 2,
      requestsPerSecond: 5,
      maxRetries: 3,
    });
  });

  it("accepts a full custom mapping with a sealed secret header", () => {
    const config = {
      url: "https://agent.example.com/v2/turn",
      method: "PUT",
      headers: [
        { name: "Authorization", value: sealSecret("Bearer x", crypto.randomBytes(32)), secret: true },
        { name: "X-Tenant", value: "acme" },
      ],
      bodyTemplate: '{"input": {{message}}, "conversation": {{history}}, "meta": {"run": "{{run_id}}"}}',
      response: { replyPath: "$.output['text']", toolCallsPath: "$.actions" },
      timeoutMs: 120_000,
      maxConcurrency: 16,
    };
    expect(issues(config)).toEqual([]);
  });

  it.each([
    [{ url: "ftp://agent.example.com/" }, "url: must use http or https"],
    [{ url: "https://user:pw@agent.example.com/" }, "url: must not contain credentials; use a secret header"],
    [{ url: "not a url" }, "url: must be an absolute URL"],
    [{ url: "https://a.example/", response: { replyPath: "$..reply" } }, "response.replyPath: unsupported path syntax"],
    [{ url: "https://a.example/", response: { replyPath: "$.r", toolCallsPath: "$.calls[*]" } }, "response.toolCallsPath: unsupported"],
    [{ url: "https://a.example/", bodyTemplate: '{"m": {{msg}}}' }, "bodyTemplate: unknown placeholder {{msg}}"],
    [{ url: "https://a.example/", bodyTemplate: '{"m": {{message}}' }, "bodyTemplate: the body template is not valid JSON"],
    [{ url: "https://a.example/", headers: [{ name: "X-Bulwark-Run-Id", value: "forged" }] }, "headers.0.name: this header is set by the platform"],
    [{ url: "https://a.example/", headers: [{ name: "Host", value: "internal" }] }, "headers.0.name: this header is set by the platform"],
    [{ url: "https://a.example/", headers: [{ name: "X-A", value: "1\r\nX-B: 2" }] }, "headers.0.value: must not contain line breaks"],
    [{ url: "https://a.example/", headers: [{ name: "Authorization", value: "Bearer plaintext", secret: true }] }, "headers.0.value: a secret header's value must be sealed"],
    [{ url: "https://a.example/", headers: [{ name: "X-A", value: "1" }, { name: "x-a", value: "2" }] }, "headers.1.name: the x-a header is listed twice"],
    [{ url: "https://a.example/", preset: "openai_chat" }, "model: the openai_chat preset needs a model"],
    [{ url: "https://a.example/", preset: "openai_chat", model: "m", bodyTemplate: "{}" }, "bodyTemplate: the openai_chat preset builds"],
    [{ url: "https://a.example/", model: "gpt" }, "model: model is only used by the openai_chat preset"],
    [{ url: "https://a.example/", method: "GET" }, "method:"],
    [{ url: "https://a.example/", timeoutMs: 120_001 }, "timeoutMs:"],
    [{ url: "https://a.example/", maxConcurrency: 17 }, "maxConcurrency:"],
    [{ url: "https://a.example/", extra: true }, ""],
  ])("rejects %j", (input, expected) => {
    const found = issues(input);
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((issue) => issue.startsWith(expected))).toBe(true);
  });

  it("builds the demo agent connector from its base URL", () => {
    expect(demoAgentConnector("http://127.0.0.1:4100")).toMatchObject({
      url: "http://127.0.0.1:4100/chat",
      method: "POST",
      bodyTemplate: '{"message": {{message}}, "session_id": {{session_id}}}',
      response: { replyPath: "$.reply", toolCallsPath: "$.tool_calls" },
    });
  });
});
