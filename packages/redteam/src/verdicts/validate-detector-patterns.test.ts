import { describe, expect, it } from "vitest";
import { checkPatternSafety } from "./check-pattern-safety";
import { validateDetectorPatterns } from "./validate-detector-patterns";

describe("checkPatternSafety", () => {
  it.each([
    "begin system prompt",
    "you are (a|an) (helpful )?assistant",
    "(?:system|developer) prompt",
    "api[_ ]?key.{0,40}sk-",
    "\\bssn\\b.*\\d{3}-\\d{2}-\\d{4}",
    "^(?:sure|ok)[,!]",
    "(\\d{3}-){2}\\d{4}",
    "secret: \\w+",
    "ab{2,}c",
    "foo{",
  ])("accepts %j", (source) => {
    expect(checkPatternSafety(source)).toBeNull();
  });

  it.each([
    ["([unclosed", "invalid_syntax"],
    ["(a+)+$", "nested_quantifier"],
    ["(\\w+\\s?)*$", "nested_quantifier"],
    ["(?:x*y){1,1000}", "nested_quantifier"],
    ["(a|ab)*c", "quantified_alternation"],
    ["(a)\\1", "backreference"],
    ["(?<q>a)\\k<q>", "backreference"],
    [".*secret", "leading_repeat"],
    ["\\w+@example\\.com", "leading_repeat"],
    ["x?.+y", "leading_repeat"],
    ["a{2,}b", "leading_repeat"],
    ["(?:\\s*)marker", "leading_repeat"],
    ["ok|.*secret", "leading_repeat"],
    ["x".repeat(501), "too_long"],
  ])("rejects %j as %s", (source, problem) => {
    expect(checkPatternSafety(source)).toBe(problem);
  });

  it("accepts a leading repeat after a start anchor, which is tried at one position only", () => {
    expect(checkPatternSafety("^.*secret")).toBeNull();
  });
});

describe("validateDetectorPatterns", () => {
  it("lists each refused pattern with where it is and why", () => {
    const issues = validateDetectorPatterns([
      { type: "canary" },
      { type: "reply_pattern", patterns: ["fine", "(a+)+"] },
      { type: "reply_pattern", patterns: ["[bad"] },
    ]);
    expect(issues).toEqual([
      expect.objectContaining({ detectorIndex: 1, patternIndex: 1, problem: "nested_quantifier" }),
      expect.objectContaining({ detectorIndex: 2, patternIndex: 0, problem: "invalid_syntax", message: "detectors[2].patterns[0] is not a valid regular expression" }),
    ]);
  });

  it("is empty when every pattern is usable", () => {
    expect(validateDetectorPatterns([{ type: "reply_pattern", patterns: ["system prompt"] }, { type: "refusal" }])).toEqual([]);
  });
});
