import { describe, expect, it } from "vitest";
import { chatCompletionsUrl, LlmJudgeConfig } from "./llm-judge-config";

describe("LlmJudgeConfig", () => {
  it("fills in the timeout and the token cap", () => {
    expect(LlmJudgeConfig.parse({ url: "https://api.openai.com/v1", model: "gpt-4o-mini" })).toEqual({
      url: "https://api.openai.com/v1",
      model: "gpt-4o-mini",
      timeoutMs: 20_000,
      maxTokens: 300,
    });
  });

  it.each([
    [{ url: "ftp://judge.example/v1", model: "m" }, "url"],
    [{ url: "https://user:pass@judge.example/v1", model: "m" }, "url"],
    [{ url: "not a url", model: "m" }, "url"],
    [{ url: "https://judge.example/v1", model: " " }, "model"],
    [{ url: "https://judge.example/v1", model: "m", apiKey: "sk-1\r\nX-Injected: 1" }, "apiKey"],
    [{ url: "https://judge.example/v1", model: "m", timeoutMs: 10 }, "timeoutMs"],
    [{ url: "https://judge.example/v1", model: "m", extra: true }, ""],
  ])("rejects %j", (input, path) => {
    const parsed = LlmJudgeConfig.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toContain(path);
  });
});

describe("chatCompletionsUrl", () => {
  it.each([
    ["https://api.openai.com/v1", "https://api.openai.com/v1/chat/completions"],
    ["https://api.openai.com/v1/", "https://api.openai.com/v1/chat/completions"],
    ["http://127.0.0.1:11434", "http://127.0.0.1:11434/chat/completions"],
    ["https://gw.example/openai/v1?api-version=2024-10-21", "https://gw.example/openai/v1/chat/completions?api-version=2024-10-21"],
  ])("%s → %s", (url, expected) => {
    expect(chatCompletionsUrl(LlmJudgeConfig.parse({ url, model: "m" }))).toBe(expected);
  });
});
