import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";

describe("canonicalJson", () => {
  it("sorts keys at every depth and writes no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it("gives the same text whatever order the keys were written in", () => {
    expect(canonicalJson({ x: 1, y: { p: true, q: "s" } })).toBe(canonicalJson({ y: { q: "s", p: true }, x: 1 }));
  });

  it("keeps array order, which is meaningful", () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it("sorts keys by UTF-16 code units, as RFC 8785", () => {
    // "é" (U+00E9) sorts after "z"; "😀" (surrogates D83D…) before "ｚ" (U+FF5A); "B" before "a".
    expect(canonicalJson({ z: 1, é: 2, a: 3, B: 4 })).toBe('{"B":4,"a":3,"z":1,"é":2}');
    expect(canonicalJson({ "ｚ": 1, "😀": 2 })).toBe('{"😀":2,"ｚ":1}');
  });

  it("writes unicode as is, escapes what JSON must, and does not normalise", () => {
    expect(canonicalJson("héllo 😀 中文")).toBe('"héllo 😀 中文"');
    expect(canonicalJson('quote " backslash \\ newline \n nul \u0000')).toBe('"quote \\" backslash \\\\ newline \\n nul \\u0000"');
    // Lone surrogates are escaped, so the text is valid UTF-8 and survives a round trip.
    expect(canonicalJson("\ud800x")).toBe('"\\ud800x"');
    // NFC "é" and NFD "e + ◌́" are different strings and must not hash alike.
    expect(canonicalJson("\u00e9")).not.toBe(canonicalJson("e\u0301"));
  });

  it("writes numbers in their shortest round-trip form", () => {
    expect(canonicalJson([1, 1.5, -0, 0.1 + 0.2, 1e21, 1e-7, 2 ** 53, -3])).toBe("[1,1.5,0,0.30000000000000004,1e+21,1e-7,9007199254740992,-3]");
    expect(canonicalJson(1.0)).toBe(canonicalJson(1));
  });

  it("writes a bigint as an exact integer", () => {
    expect(canonicalJson({ n: 12345678901234567890n })).toBe('{"n":12345678901234567890}');
  });

  it("keeps types apart: a number, its string and null are different texts", () => {
    const texts = [1, "1", null, "null", true, "true", [], {}, ""].map((v) => canonicalJson(v));
    expect(new Set(texts).size).toBe(texts.length);
  });

  it("follows JSON for undefined members and slots, and uses toJSON", () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson([undefined, 1])).toBe("[null,1]");
    expect(canonicalJson({ at: new Date("2026-01-02T03:04:05.678Z") })).toBe('{"at":"2026-01-02T03:04:05.678Z"}');
  });

  it("accepts objects without a prototype", () => {
    const bare = Object.assign(Object.create(null), { b: 2, a: 1 });
    expect(canonicalJson(bare)).toBe('{"a":1,"b":2}');
  });

  it("refuses what JSON would lose or invent", () => {
    for (const value of [NaN, Infinity, -Infinity, () => 1, Symbol("s"), undefined, new Map([["a", 1]]), new Set([1]), new (class Thing {})()]) {
      expect(() => canonicalJson(value), String(value?.toString?.())).toThrow(TypeError);
    }
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });

  it("refuses cycles but allows the same object twice", () => {
    const shared = { v: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"v":1},{"v":1}]');
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(/circular/);
  });
});
