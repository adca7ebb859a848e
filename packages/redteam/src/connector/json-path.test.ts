import { describe, expect, it } from "vitest";
import { evaluateJsonPath, isValidJsonPath, JsonPathError, parseJsonPath } from "./json-path";

describe("parseJsonPath", () => {
  it.each([
    ["$", []],
    ["$.reply", ["reply"]],
    ["$.choices[0].message.content", ["choices", 0, "message", "content"]],
    ["$['odd key'][12]", ["odd key", 12]],
    ['$["double"]', ["double"]],
    ["$['it\\'s']", ["it's"]],
    ["$.tool_calls", ["tool_calls"]],
    ["$.data.output-text", ["data", "output-text"]],
  ])("%s", (path, segments) => {
    expect(parseJsonPath(path)).toEqual(segments);
  });

  it.each([
    "",
    "reply",
    "$.",
    "$..reply",
    "$.*",
    "$[*]",
    "$[-1]",
    "$[01]",
    "$[0:2]",
    "$[?(@.x)]",
    "$.a b",
    "$['unterminated]",
    "$.1abc",
    `$${".a".repeat(33)}`,
    `$.${"a".repeat(300)}`,
  ])("rejects %j", (path) => {
    expect(() => parseJsonPath(path)).toThrow(JsonPathError);
    expect(isValidJsonPath(path)).toBe(false);
  });
});

describe("evaluateJsonPath", () => {
  const doc = { reply: "hi", choices: [{ message: { content: "deep" } }], "odd key": [null, 7] };

  it("reads objects, arrays and the root", () => {
    expect(evaluateJsonPath(doc, "$.reply")).toBe("hi");
    expect(evaluateJsonPath(doc, "$.choices[0].message.content")).toBe("deep");
    expect(evaluateJsonPath(doc, "$['odd key'][1]")).toBe(7);
    expect(evaluateJsonPath(doc, "$")).toBe(doc);
  });

  it("is undefined for missing steps and type mismatches", () => {
    expect(evaluateJsonPath(doc, "$.missing")).toBeUndefined();
    expect(evaluateJsonPath(doc, "$.choices[5]")).toBeUndefined();
    expect(evaluateJsonPath(doc, "$.reply[0]")).toBeUndefined();
    expect(evaluateJsonPath(doc, "$.choices.length")).toBeUndefined();
    expect(evaluateJsonPath(null, "$.a")).toBeUndefined();
  });

  it("never reads the prototype chain", () => {
    expect(evaluateJsonPath({}, "$.constructor")).toBeUndefined();
    expect(evaluateJsonPath({}, "$.__proto__")).toBeUndefined();
    expect(evaluateJsonPath({}, "$['toString']")).toBeUndefined();
  });
});
