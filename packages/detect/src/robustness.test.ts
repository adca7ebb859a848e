import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { redact, redactJson, redactNdjson, scan } from "./index";
import { SeededRandom } from "./testing/seeded-random";

/**
 * Hostile input: outputs are checked, never timings (the benchmark bounds those). The fuzz is
 * seeded, so any failure reproduces exactly.
 */
const positives = JSON.parse(readFileSync(path.join(import.meta.dirname, "../corpus/positives.json"), "utf8")) as { rule: string; text: string; value: string }[];

describe("pathological input", () => {
  it("gives the right answer on ReDoS-shaped and degenerate strings", () => {
    expect(scan(`${"a".repeat(100_000)}@`)).toEqual([]);
    expect(scan("1".repeat(1_000_000))).toEqual([]);
    expect(scan("4111 ".repeat(100_000))).toEqual([]);
    expect(scan(`${"eyJ".repeat(100_000)}.`)).toEqual([]);
    // Degenerate but terminating: whatever is taken for a password is gone for good.
    expect(scan(redact("password=".repeat(50_000)).text)).toEqual([]);
    expect(scan("x://a:".repeat(50_000))).toEqual([]);
    expect(scan("+1 ".repeat(100_000))).toEqual([]);
    expect(scan("1.1.".repeat(100_000))).toEqual([]);
    expect(scan("DE00 ".repeat(100_000))).toEqual([]);
  });

  it("redacts every header of a flood of unterminated private key headers", () => {
    const result = redact("-----BEGIN PRIVATE KEY-----".repeat(10_000));
    expect(result.text).toBe("[PRIVATE_KEY]".repeat(10_000));
  });

  it("redacts a 1 MB mixed document completely", () => {
    const unit = "log line 2024-05-01 user=bob@example.com key=AKIAIOSFODNN7EXAMPLE card=4111111111111111 ok\n";
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const result = redact(text);
    expect(result.text).not.toMatch(/bob@|AKIA|4111/);
    expect(result.matches.length + result.omittedMatches).toBe(3 * Math.ceil(1_000_000 / unit.length));
  });
});

/** Random text mixing ASCII, digits, punctuation, non-ASCII, lone surrogates and control characters. */
function noise(random: SeededRandom, length: number): string {
  const pools = [
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "0123456789",
    " \n\t.,:;=\"'@/+-_(){}[]<>&?#%$!*",
    "éüßøλдж中文😀",
    "\ud800\udbff\udc00\udfff\u0000\u0007\u001b\u2028\ufeff",
  ];
  let out = "";
  for (let i = 0; i < length; i++) out += random.pick(pools)[random.int(0, 100) % random.pick(pools).length] ?? "";
  return out;
}

describe("seeded mini-fuzz", () => {
  const random = new SeededRandom(0xb01);

  it("redaction never throws and never outputs a planted value", () => {
    for (let round = 0; round < 400; round++) {
      // Whole samples (a value with the context its rule needs), between lines of noise.
      const planted = Array.from({ length: random.int(1, 4) }, () => random.pick(positives));
      const text = planted.map((sample) => `${noise(random, random.int(0, 80))}\n${sample.text}\n`).join("") + noise(random, random.int(0, 80));
      const result = redact(text);
      expect(result.failed).toBe(false);
      for (const sample of planted) expect(result.text, `round ${round}`).not.toContain(sample.value);
      // Redacted output is stable: nothing in it is detected again.
      expect(scan(result.text), `round ${round}: ${JSON.stringify(result.text.slice(0, 200))}`).toEqual([]);
      expect(scan(text, { prefilter: false })).toEqual(scan(text));
    }
  });

  it("pure noise never throws, in text, JSON or NDJSON form", () => {
    for (let round = 0; round < 300; round++) {
      const text = noise(random, random.int(0, 400));
      expect(redact(text).failed).toBe(false);
      expect(redactNdjson(`${text}\n${JSON.stringify({ text })}\n${text}`).failed).toBe(false);
      const value = { [text.slice(0, 8)]: text, list: [text, random.next(), { text }] };
      const result = redactJson(value);
      expect(result.failed).toBe(false);
      expect(JSON.parse(JSON.stringify(result.value))).toEqual(result.value);
      expect(result.value).toMatchObject({ list: [expect.any(String), value.list[1], expect.any(Object)] });
    }
  });

  it("JSON redaction never outputs a planted value and keeps numbers exact", () => {
    for (let round = 0; round < 200; round++) {
      const sample = random.pick(positives);
      const ts = random.int(1_500_000_000_000, 1_900_000_000_000);
      const value = { ts, nested: [{ note: sample.text }], [`k${round}`]: sample.text };
      const result = redactJson(value);
      const json = JSON.stringify(result.value);
      expect(json).not.toContain(JSON.stringify(sample.value).slice(1, -1));
      expect((result.value as { ts: number }).ts).toBe(ts);
    }
  });
});
