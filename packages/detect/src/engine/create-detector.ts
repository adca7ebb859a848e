import { FAILED_MARKER, MAX_INPUT_CHARS, MAX_MATCHES, TRUNCATED_MARKER } from "../limits";
import { redactJsonValue, type StringRedaction } from "../redaction/redact-json-value";
import { redactNdjsonText } from "../redaction/redact-ndjson-text";
import { safeCut } from "../redaction/safe-cut";
import { ALL_RULES } from "../rules/catalog";
import { defineRule } from "../rules/define-rule";
import { type JsonMatch, type Match, type RedactJsonResult, type RedactNdjsonResult, type RedactResult, type Rule } from "../types";
import { type Candidate } from "./candidate";
import { collectCandidates, type CompiledRule } from "./collect-candidates";
import { KeywordAutomaton } from "./keyword-automaton";
import { maskPreview } from "./mask-preview";
import { resolveOverlaps } from "./resolve-overlaps";

export interface ScanOptions {
  /**
   * Off runs every rule over the whole text regardless of keywords and shape (no anchoring
   * either). Only for proving the pre-filter changes nothing, and for the benchmark; results are
   * identical, just slower.
   */
  prefilter?: boolean;
}

export interface Detector {
  readonly rules: readonly Rule[];
  /** Matches in text order (at most MAX_MATCHES), over the first MAX_INPUT_CHARS characters. */
  scan(text: string, options?: ScanOptions): Match[];
  redact(text: string): RedactResult;
  redactJson(value: unknown): RedactJsonResult;
  redactNdjson(text: string): RedactNdjsonResult;
}

function capMatches<T>(matches: T[]): { matches: T[]; omittedMatches: number } {
  return matches.length > MAX_MATCHES
    ? { matches: matches.slice(0, MAX_MATCHES), omittedMatches: matches.length - MAX_MATCHES }
    : { matches, omittedMatches: 0 };
}

/** Non-strings are treated as empty: callers pass captured text, and coercion could run user code. */
function asText(text: unknown): string {
  return typeof text === "string" ? text : "";
}

/**
 * A detector over a rule set: the keyword automaton is compiled once here (a malformed rule
 * throws here, at construction, never during a scan). Every entry point
 * catches internal errors and fails closed (`failed: true` with a fixed placeholder), so callers
 * such as the ingest API can reject the item and never store it raw.
 */
export function createDetector(ruleList: readonly Rule[] = ALL_RULES): Detector {
  // Normalised again (idempotent): a hand-built rule without the `g` flag would loop for ever.
  const rules = ruleList.map(defineRule);
  const keywords: string[] = [];
  const keywordIndex = new Map<string, number>();
  const ruleKeywords = rules.map((rule) =>
    rule.keywords.map((keyword) => {
      let index = keywordIndex.get(keyword);
      if (index === undefined) {
        index = keywords.length;
        keywords.push(keyword);
        keywordIndex.set(keyword, index);
      }
      return index;
    }),
  );
  const compiled: CompiledRule[] = rules.map((rule, index) => ({
    rule,
    index,
    keywordIds: ruleKeywords[index]!,
    sticky: rule.anchored && rule.pattern ? new RegExp(rule.pattern.source, `${rule.pattern.flags.replace("g", "")}y`) : undefined,
  }));
  const tracked = new Set(compiled.filter((entry) => entry.sticky).flatMap((entry) => entry.keywordIds));
  const automaton = new KeywordAutomaton(keywords, tracked);
  const rulesByKeyword = keywords.map(() => [] as CompiledRule[]);
  for (const entry of compiled) for (const id of entry.keywordIds) rulesByKeyword[id]!.push(entry);
  const shapeRules = compiled.filter((entry) => entry.rule.keywords.length === 0);
  // Which rules this selection chose (`chosenIn[rule] === selection`), reused like the automaton's marks.
  const chosenIn = new Uint32Array(compiled.length);
  let selection = 0;

  /** The rules worth running: those whose keywords occur, and keyword-less ones whose precheck holds. */
  function selectRules(text: string): { selected: CompiledRule[]; positions: (number[] | undefined)[] } {
    const { found, positions, shape } = automaton.scan(text);
    if (selection === 0xffffffff) {
      chosenIn.fill(0);
      selection = 0;
    }
    const mark = ++selection;
    const selected: CompiledRule[] = [];
    for (const id of found) {
      for (const entry of rulesByKeyword[id]!) {
        if (chosenIn[entry.index] === mark) continue;
        chosenIn[entry.index] = mark;
        selected.push(entry);
      }
    }
    for (const entry of shapeRules) if (entry.rule.precheck!(shape)) selected.push(entry);
    return { selected, positions };
  }

  function detect(text: string, prefilter = true): Candidate[] {
    if (text.length === 0) return [];
    if (!prefilter) return resolveOverlaps(collectCandidates(text, compiled), text.length);
    const { selected, positions } = selectRules(text);
    if (selected.length === 0) return [];
    return resolveOverlaps(collectCandidates(text, selected, positions), text.length);
  }

  function toMatch(text: string, candidate: Candidate): Match {
    const rule = rules[candidate.rule]!;
    return {
      type: rule.type,
      kind: rule.kind,
      ruleId: rule.id,
      start: candidate.start,
      end: candidate.end,
      preview: maskPreview(text.slice(candidate.start, candidate.end)),
    };
  }

  /** Redacts one string within `budget` characters; everything past the cut is dropped. */
  function redactString(input: string, budget: number): StringRedaction {
    const limit = Math.min(budget, MAX_INPUT_CHARS);
    const truncated = input.length > limit;
    const text = truncated ? input.slice(0, safeCut(input, limit)) : input;
    const candidates = detect(text);
    // Most captured strings hold nothing: hand them back as they are, without copying.
    if (candidates.length === 0 && !truncated) return { text, matches: [], truncated };
    const pieces: string[] = [];
    let last = 0;
    for (const candidate of candidates) {
      pieces.push(text.slice(last, candidate.start), `[${rules[candidate.rule]!.kind}]`);
      last = candidate.end;
    }
    pieces.push(text.slice(last));
    if (truncated) pieces.push(TRUNCATED_MARKER);
    return { text: pieces.join(""), matches: candidates.map((candidate) => toMatch(text, candidate)), truncated };
  }

  function redactJsonAll(value: unknown): { value: RedactJsonResult["value"]; matches: JsonMatch[]; truncated: boolean } {
    const walk = { redactString, budget: MAX_INPUT_CHARS, matches: [] as JsonMatch[], truncated: false };
    const redacted = redactJsonValue(value, walk);
    return { value: redacted, matches: walk.matches, truncated: walk.truncated };
  }

  return {
    rules,
    scan(text, options = {}) {
      try {
        const input = asText(text);
        const scanned = input.length > MAX_INPUT_CHARS ? input.slice(0, MAX_INPUT_CHARS) : input;
        return detect(scanned, options.prefilter ?? true)
          .slice(0, MAX_MATCHES)
          .map((candidate) => toMatch(scanned, candidate));
      } catch {
        return [];
      }
    },
    redact(text) {
      try {
        const result = redactString(asText(text), MAX_INPUT_CHARS);
        return { text: result.text, truncated: result.truncated, failed: false, ...capMatches(result.matches) };
      } catch {
        return { text: FAILED_MARKER, matches: [], truncated: false, omittedMatches: 0, failed: true };
      }
    },
    redactJson(value) {
      try {
        const result = redactJsonAll(value);
        return { value: result.value, truncated: result.truncated, failed: false, ...capMatches(result.matches) };
      } catch {
        return { value: FAILED_MARKER, matches: [], truncated: false, omittedMatches: 0, failed: true };
      }
    },
    redactNdjson(text) {
      try {
        const result = redactNdjsonText(asText(text), {
          redactLine: (line) => redactString(line, MAX_INPUT_CHARS),
          redactJsonLine: redactJsonAll,
          maxChars: MAX_INPUT_CHARS,
        });
        return { text: result.text, truncated: result.truncated, failed: false, ...capMatches(result.matches) };
      } catch {
        return { text: FAILED_MARKER, matches: [], truncated: false, omittedMatches: 0, failed: true };
      }
    },
  };
}
