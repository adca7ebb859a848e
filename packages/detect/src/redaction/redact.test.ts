import { describe, expect, it } from "vitest";
import { MAX_INPUT_CHARS, MAX_JSON_DEPTH, MAX_MATCHES, redact, redactJson, redactNdjson, scan } from "../index";

const JWT = `${Buffer.from('{"alg":"HS256"}').toString("base64url")}.${Buffer.from('{"sub":"1"}').toString("base64url")}.c2lnbmF0dXJlLXZhbHVlLTEyMw`;

describe("redact (plain text)", () => {
  it("replaces each match by its typed placeholder and reports offsets into the original", () => {
    const text = "mail bob@example.com, card 4111 1111 1111 1111, from 10.0.0.7";
    const result = redact(text);
    expect(result.text).toBe("mail [EMAIL], card [CREDIT_CARD], from [IPV4]");
    expect(result.matches.map((match) => [match.kind, text.slice(match.start, match.end)])).toEqual([
      ["EMAIL", "bob@example.com"],
      ["CREDIT_CARD", "4111 1111 1111 1111"],
      ["IPV4", "10.0.0.7"],
    ]);
    expect(result).toMatchObject({ truncated: false, failed: false, omittedMatches: 0 });
  });

  it("resolves overlaps deterministically: the specific rule, then the longer span", () => {
    expect(redact("postgres://app:pa55word@db.example.com/x").text).toBe("postgres://app:[PASSWORD]@db.example.com/x");
    expect(redact(`Authorization: Bearer ${JWT}`).matches.map((match) => match.ruleId)).toEqual(["jwt"]);
    expect(redact("call +1 415 555 0123").matches.map((match) => match.ruleId)).toEqual(["phone-e164"]);
  });

  it("keeps everything that is not a match byte for byte, lone surrogates included", () => {
    const text = "\ud800 héllo \u0000 wörld \udfff";
    expect(redact(text).text).toBe(text);
  });

  it("treats non-strings as empty instead of throwing", () => {
    for (const input of [undefined, null, 42, {}, Symbol("x")]) {
      expect(redact(input as unknown as string)).toEqual({ text: "", matches: [], truncated: false, omittedMatches: 0, failed: false });
      expect(scan(input as unknown as string)).toEqual([]);
    }
  });

  it(`lists at most ${MAX_MATCHES} matches but redacts them all`, () => {
    const text = Array.from({ length: MAX_MATCHES + 250 }, (_, i) => `user${i}@example.com`).join(" ");
    const result = redact(text);
    expect(result.matches).toHaveLength(MAX_MATCHES);
    expect(result.omittedMatches).toBe(250);
    expect(result.text).not.toContain("@");
    expect(scan(text)).toHaveLength(MAX_MATCHES);
  });

  it("drops input beyond the size cap behind a marker, never leaving half a token", () => {
    const token = `ghp_${"aB3".repeat(12)}`;
    const filler = "word ".repeat(Math.ceil(MAX_INPUT_CHARS / 5));
    const text = `${filler.slice(0, MAX_INPUT_CHARS - 10)}${token} tail secret bob@example.com`;
    const result = redact(text);
    expect(result.truncated).toBe(true);
    expect(result.text.endsWith("[TRUNCATED]")).toBe(true);
    expect(result.text).not.toContain("ghp_");
    expect(result.text).not.toContain("bob@example.com");
    expect(result.text.length).toBeLessThanOrEqual(MAX_INPUT_CHARS + "[TRUNCATED]".length);
  });
});

describe("redactJson", () => {
  it("redacts string values only: numbers, booleans and null are untouched", () => {
    const value = { ts: 1714564800123, amount: 4111111111111111, ok: true, none: null, note: "card 4111111111111111" };
    const result = redactJson(value);
    expect(result.value).toEqual({ ts: 1714564800123, amount: 4111111111111111, ok: true, none: null, note: "card [CREDIT_CARD]" });
    expect(result.matches).toEqual([expect.objectContaining({ kind: "CREDIT_CARD", path: "$.note", start: 5, end: 21 })]);
  });

  it("keeps member names, and redacts whole every string under a secret-looking name", () => {
    const value = {
      "bob@example.com": 1,
      password: "hunter2",
      "x-api-key": "abc",
      headers: { Authorization: "Basic Zm9v", "content-type": "text/plain" },
      credentials: { user: "ops", pin: "1234" },
      max_tokens: 4096,
      token_type: "Bearer",
      empty_secret: "",
    };
    const result = redactJson(value);
    expect(result.value).toEqual({
      "bob@example.com": 1,
      password: "[SECRET]",
      "x-api-key": "[SECRET]",
      headers: { Authorization: "[SECRET]", "content-type": "text/plain" },
      credentials: { user: "[SECRET]", pin: "[SECRET]" },
      max_tokens: 4096,
      token_type: "Bearer",
      empty_secret: "",
    });
    expect(result.matches.map((match) => match.path)).toEqual([
      "$.password",
      '$["x-api-key"]',
      "$.headers.Authorization",
      "$.credentials.user",
      "$.credentials.pin",
    ]);
  });

  it("redacts the value of name/value header pairs whose name is secret-looking", () => {
    const value = [{ name: "Cookie", value: "sid=abc" }, { name: "Accept", value: "text/html" }];
    expect(redactJson(value).value).toEqual([{ name: "Cookie", value: "[SECRET]" }, { name: "Accept", value: "text/html" }]);
  });

  it("always returns valid JSON: cycles, toJSON, undefined, functions and bigint handled like JSON.stringify", () => {
    const cyclic: Record<string, unknown> = { name: "loop", at: new Date(0), big: 12n, skip: undefined, fn: () => 1, list: [undefined, () => 1] };
    cyclic.self = cyclic;
    const result = redactJson(cyclic);
    expect(JSON.parse(JSON.stringify(result.value))).toEqual({ name: "loop", at: "1970-01-01T00:00:00.000Z", big: "12", list: [null, null], self: "[CIRCULAR]" });
    expect(result.failed).toBe(false);
  });

  it("keeps a __proto__ member as data, without touching the prototype", () => {
    const value = JSON.parse('{"__proto__":{"email":"eve@example.com"},"a":1}') as unknown;
    const result = redactJson(value).value as Record<string, unknown>;
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.keys(result)).toEqual(["__proto__", "a"]);
    expect(JSON.stringify(result)).toBe('{"__proto__":{"email":"[EMAIL]"},"a":1}');
  });

  it(`replaces containers deeper than ${MAX_JSON_DEPTH} levels instead of recursing`, () => {
    let deep: unknown = "bob@example.com";
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const result = redactJson(deep);
    expect(result.truncated).toBe(true);
    expect(JSON.stringify(result.value)).toContain("[TRUNCATED]");
    expect(JSON.stringify(result.value)).not.toContain("bob@");
  });

  it("fails closed when reading the value throws (a hostile getter)", () => {
    const hostile = Object.defineProperty({}, "x", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    expect(redactJson(hostile)).toEqual({ value: "[UNSCANNED]", matches: [], truncated: false, omittedMatches: 0, failed: true });
  });
});

describe("redactNdjson", () => {
  it("redacts JSON lines as JSON and other lines as text, with 1-based line numbers", () => {
    const text = ['{"user":"bob@example.com","n":1714564800123}', "plain line with 10.0.0.1", "", "{broken json bob@example.com"].join("\n");
    const result = redactNdjson(text);
    expect(result.text.split("\n")).toEqual(['{"user":"[EMAIL]","n":1714564800123}', "plain line with [IPV4]", "", "{broken json [EMAIL]"]);
    expect(result.matches.map((match) => [match.line, match.path])).toEqual([
      [1, "$.user"],
      [2, undefined],
      [4, undefined],
    ]);
  });

  it("keeps untouched lines byte for byte (big integers, spacing) and CRLF endings", () => {
    const text = '{ "id": 12345678901234567890, "ok": true }\r\n{"ip":"10.0.0.1"}\r\n';
    expect(redactNdjson(text).text).toBe('{ "id": 12345678901234567890, "ok": true }\r\n{"ip":"[IPV4]"}\r\n');
  });
});
