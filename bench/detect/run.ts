/**
 * Detector throughput and the pre-filter's promise, printed (never asserted in unit tests).
 *
 *   npx tsx bench/detect/run.ts
 *
 * 1. Mixed text (the committed corpus, positives and negatives interleaved — far denser in
 *    secrets and keywords than real traffic): MB/s for scan and redact on 4 KiB and 64 KiB
 *    request-sized chunks and on 1 MiB blocks, and for NDJSON.
 * 2. Keyword-free prose: the same text scanned by detectors with the first 10 rules, all rules,
 *    and all rules plus 1,000 synthetic rules whose keywords never occur. With the pre-filter
 *    the cost stays flat; with it off, every rule is a full pass.
 * 3. Pathological inputs (ReDoS-shaped, huge, deeply nested): each must finish well within a
 *    generous bound, or the script exits non-zero.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { ALL_RULES, createDetector, redactJson, redactNdjson, type Rule } from "@bulwark/detect";
import { generateNegativeTexts } from "../../packages/detect/src/testing/negative-samples";
import { SeededRandom } from "../../packages/detect/src/testing/seeded-random";

const corpusDir = path.join(import.meta.dirname, "../../packages/detect/corpus");
const MiB = 1024 * 1024;

function time(run: () => unknown, minMs = 400): number {
  run(); // warm-up: regex compilation and JIT
  let iterations = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    run();
    iterations++;
    elapsed = performance.now() - started;
  }
  return elapsed / iterations;
}

const mbps = (chars: number, ms: number) => (chars / MiB / (ms / 1000)).toFixed(1);

// 1. Mixed text ------------------------------------------------------------------------------
const positives = JSON.parse(readFileSync(path.join(corpusDir, "positives.json"), "utf8")) as { text: string }[];
const negatives = JSON.parse(readFileSync(path.join(corpusDir, "negatives.json"), "utf8")) as { text: string }[];
const generated = generateNegativeTexts(1, 100);
const pieces = [...positives, ...negatives, ...generated].map((sample) => sample.text);
const random = new SeededRandom(42);
let mixed = "";
while (mixed.length < 4 * MiB) mixed += `${random.pick(pieces)}\n`;
const detector = createDetector();

console.log(`rules: ${ALL_RULES.length} (${ALL_RULES.filter((rule) => rule.type === "secret").length} secret, ${ALL_RULES.filter((rule) => rule.type === "pii").length} PII)\n`);
console.log("1. mixed text (corpus interleaved)");
for (const size of [4 * 1024, 64 * 1024, MiB]) {
  const chunks: string[] = [];
  for (let offset = 0; offset + size <= mixed.length; offset += size) chunks.push(mixed.slice(offset, offset + size));
  const total = chunks.length * size;
  time(() => chunks.forEach((chunk) => detector.redact(chunk)), 200);
  const scanMs = time(() => chunks.forEach((chunk) => detector.scan(chunk)));
  const redactMs = time(() => chunks.forEach((chunk) => detector.redact(chunk)));
  const matches = chunks.reduce((sum, chunk) => {
    const result = detector.redact(chunk);
    return sum + result.matches.length + result.omittedMatches;
  }, 0);
  console.log(`   ${String(size / 1024).padStart(5)} KiB chunks: scan ${mbps(total, scanMs)} MB/s, redact ${mbps(total, redactMs)} MB/s (${matches} matches in ${(total / MiB).toFixed(0)} MiB)`);
}
const ndjson = positives.map((sample) => JSON.stringify({ ts: 1714564800123, body: sample.text })).join("\n");
const ndjsonMs = time(() => redactNdjson(ndjson));
console.log(`   NDJSON (${positives.length} lines, ${(ndjson.length / 1024).toFixed(0)} KiB): ${mbps(ndjson.length, ndjsonMs)} MB/s`);

// 2. Keyword-free prose -----------------------------------------------------------------------
const prose = generateNegativeTexts(3, 4000).filter((sample) => sample.category === "prose" || sample.category === "lorem").map((sample) => sample.text).join(" ");
const keywordFree = prose.slice(0, MiB);
const synthetic: Rule[] = Array.from({ length: 1000 }, (_, index) => ({
  id: `synthetic-${index}`,
  type: "secret",
  kind: "API_KEY",
  priority: 90,
  keywords: [`zq${index}x_`],
  pattern: new RegExp(`zq${index}x_[A-Za-z0-9]{32}`, "g"),
  description: "never present",
}));
console.log(`\n2. keyword-free prose (${(keywordFree.length / MiB).toFixed(1)} MiB), time per scan`);
const variants: [string, readonly Rule[]][] = [
  ["first 10 rules", ALL_RULES.slice(0, 10)],
  [`all ${ALL_RULES.length} rules`, ALL_RULES],
  [`all + 1,000 synthetic`, [...ALL_RULES, ...synthetic]],
];
for (const [label, rules] of variants) {
  const subject = createDetector(rules);
  const withFilter = time(() => subject.scan(keywordFree));
  const withoutFilter = time(() => subject.scan(keywordFree, { prefilter: false }), 200);
  console.log(`   ${label.padEnd(24)} pre-filter on: ${withFilter.toFixed(2).padStart(7)} ms   off: ${withoutFilter.toFixed(2).padStart(8)} ms`);
}
// Once an object anywhere in the process inherits from String.prototype (ioredis declares
// `class VerbatimString extends String`), V8 changes how it calls string methods: the scan
// must not slow down with it (keyword-automaton.ts). Everything below runs in that state.
const beforeSubclass = time(() => detector.scan(keywordFree));
class StringSubclass extends String {}
void StringSubclass;
const afterSubclass = time(() => detector.scan(keywordFree));
console.log(`   after a String subclass  pre-filter on: ${afterSubclass.toFixed(2).padStart(7)} ms   (before it: ${beforeSubclass.toFixed(2)} ms)`);

// 3. Pathological inputs ----------------------------------------------------------------------
const BOUND_MS = 2_000;
const deepJson = (() => {
  let value: unknown = "alice@example.com";
  for (let i = 0; i < 10_000; i++) value = { child: value };
  return value;
})();
const pathological: [string, () => unknown][] = [
  ['"a" x 100k + "@"', () => detector.redact(`${"a".repeat(100_000)}@`)],
  ['"a@" x 500k', () => detector.redact("a@".repeat(500_000))],
  ["1 MiB of digits", () => detector.redact("1".repeat(MiB))],
  ['"4111 " x 200k', () => detector.redact("4111 ".repeat(200_000))],
  ['"-----BEGIN PRIVATE KEY-----" x 40k', () => detector.redact("-----BEGIN PRIVATE KEY-----".repeat(40_000))],
  ['"eyJ" x 300k + "."', () => detector.redact(`${"eyJ".repeat(300_000)}.`)],
  ['"password=" x 100k', () => detector.redact("password=".repeat(100_000))],
  ['"x://a:" x 150k', () => detector.redact("x://a:".repeat(150_000))],
  ['"+1 " x 300k', () => detector.redact("+1 ".repeat(300_000))],
  ['"1.1." x 250k', () => detector.redact("1.1.".repeat(250_000))],
  ['"Bearer " + 1 MiB token', () => detector.redact(`Bearer ${"A1".repeat(MiB / 2)}`)],
  ["1 MiB base64", () => detector.redact(new SeededRandom(5).string("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", MiB) + " aws")],
  ['"DE00 " x 200k', () => detector.redact("DE00 ".repeat(200_000))],
  ["3 MiB (over the cap)", () => detector.redact("word ".repeat((3 * MiB) / 5))],
  ["JSON nested 10k deep", () => redactJson(deepJson)],
  ["lone surrogates x 500k", () => detector.redact("\ud800a\udc00@".repeat(250_000))],
];
console.log(`\n3. pathological inputs (bound ${BOUND_MS} ms each)`);
let failed = false;
for (const [label, run] of pathological) {
  const started = performance.now();
  run();
  const ms = performance.now() - started;
  const ok = ms < BOUND_MS;
  failed ||= !ok;
  console.log(`   ${ok ? "ok  " : "SLOW"} ${label.padEnd(38)} ${ms.toFixed(1).padStart(8)} ms`);
}
if (failed) process.exit(1);
