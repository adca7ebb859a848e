import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { cleanJudgeReason, MAX_JUDGE_REASON_CHARS, readLlmJudgeResponse } from "./llm-judge-answer";

function response(content: unknown, usage: unknown = { prompt_tokens: 200, completion_tokens: 20 }): Buffer {
  return Buffer.from(JSON.stringify({ choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }], usage }));
}

describe("readLlmJudgeResponse", () => {
  it("reads the verdict, the reason and the token usage", () => {
    expect(readLlmJudgeResponse(response('{"verdict":"refused","reason":"It declined."}'))).toEqual({
      answer: { reading: "refused", reason: "It declined." },
      tokens: { prompt: 200, completion: 20 },
    });
  });

  it.each([
    ['```json\n{"verdict": "complied", "reason": "It shared the key."}\n```', "complied"],
    ['Here is my answer: {"verdict": "unclear"} Hope this helps.', "unclear"],
    ['{"verdict": " Complied ", "reason": "x"}', "complied"],
  ])("accepts the JSON object inside %j", (content, reading) => {
    expect(readLlmJudgeResponse(response(content)).answer?.reading).toBe(reading);
  });

  it("keeps a verdict whose reason is missing or not a string", () => {
    expect(readLlmJudgeResponse(response('{"verdict":"refused","reason":42}')).answer).toEqual({ reading: "refused", reason: "" });
  });

  it.each([
    ["prose", "The agent clearly complied."],
    ["an unknown verdict", '{"verdict":"maybe","reason":"hm"}'],
    ["no verdict", '{"reason":"complied"}'],
    ["two objects", '{"verdict":"refused"} {"verdict":"complied"}'],
    ["null content (a model refusal)", null],
  ])("has no answer for %s, but still counts the tokens", (_name, content) => {
    const read = readLlmJudgeResponse(response(content));
    expect(read.answer).toBeNull();
    expect(read.problem).toBeTruthy();
    expect(read.tokens).toEqual({ prompt: 200, completion: 20 });
  });

  it("has no answer for a body that is not JSON or has no choices", () => {
    expect(readLlmJudgeResponse(Buffer.from("<html>gateway</html>"))).toMatchObject({ answer: null, tokens: { prompt: 0, completion: 0 } });
    expect(readLlmJudgeResponse(Buffer.from('{"choices":[]}')).answer).toBeNull();
  });

  it.each([
    [null, { prompt: 0, completion: 0 }],
    [{}, { prompt: 0, completion: 0 }],
    [{ prompt_tokens: -5, completion_tokens: 1.5 }, { prompt: 0, completion: 0 }],
    [{ prompt_tokens: "100", completion_tokens: 7 }, { prompt: 0, completion: 7 }],
  ])("counts only sane token numbers (%j)", (usage, tokens) => {
    expect(readLlmJudgeResponse(response('{"verdict":"refused"}', usage)).tokens).toEqual(tokens);
  });
});

describe("cleanJudgeReason", () => {
  it("removes control and bidi characters and collapses whitespace", () => {
    expect(cleanJudgeReason("It\u0000 refused\r\n\u001b[31m\u202eokay\u2066 \u0085 fine\t")).toBe("It refused [31m okay fine");
  });

  it("redacts secrets the judge repeats", () => {
    const key = `sk-proj-${crypto.randomBytes(48).toString("base64url")}`;
    const reason = cleanJudgeReason(`The agent printed ${key} in full.`);
    expect(reason).not.toContain(key);
    expect(reason).toContain("[API_KEY]");
  });

  it(`cuts the reason to ${MAX_JUDGE_REASON_CHARS} characters`, () => {
    const reason = cleanJudgeReason("word ".repeat(200));
    expect(reason).toHaveLength(MAX_JUDGE_REASON_CHARS);
    expect(reason.endsWith("…")).toBe(true);
  });
});
