import { describe, expect, it } from "vitest";
import { type Rule } from "../types";
import { createDetector } from "./create-detector";

const rule = (overrides: Partial<Rule>): Rule => ({
  id: "test-rule",
  type: "secret",
  kind: "API_KEY",
  priority: 90,
  keywords: ["tk_"],
  pattern: /tk_[a-z0-9]{8}/,
  description: "a test format",
  ...overrides,
});

describe("createDetector", () => {
  it("normalises hand-built rules (a pattern without the g flag must not loop)", () => {
    const detector = createDetector([rule({})]);
    expect(detector.scan("a tk_abcd1234 b tk_efgh5678").map((match) => match.start)).toEqual([2, 16]);
  });

  it("rejects malformed rules at construction, not during a scan", () => {
    expect(() => createDetector([rule({ keywords: ["TK_"] })])).toThrow(/lowercase/);
    expect(() => createDetector([rule({ keywords: [] })])).toThrow(/precheck/);
    expect(() => createDetector([rule({ find: () => [] })])).toThrow(/exactly one/);
  });

  it("skips a rule whose keywords are absent, and runs it when they occur", () => {
    let calls = 0;
    const detector = createDetector([rule({ pattern: undefined, find: () => (calls++, []) })]);
    detector.scan("nothing to see here");
    expect(calls).toBe(0);
    detector.scan("here: TK_");
    expect(calls).toBe(1);
    detector.scan("nothing", { prefilter: false });
    expect(calls).toBe(2);
  });

  it("gives anchored rules the same matches as a full pass", () => {
    const anchored = createDetector([rule({ anchored: true, pattern: /(?<![a-z])tk_[a-z0-9]{8}(?![a-z0-9])/ })]);
    const text = "tk_aaaa1111 xtk_bbbb2222 tk_cccc3333tk_dddd4444 TK_eeee5555 tk_ffff6666";
    expect(anchored.scan(text)).toEqual(anchored.scan(text, { prefilter: false }));
    expect(anchored.scan(text).map((match) => text.slice(match.start, match.end))).toEqual(["tk_aaaa1111", "tk_dddd4444", "tk_ffff6666"]);
  });
});
