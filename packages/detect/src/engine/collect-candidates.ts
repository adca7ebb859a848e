import { type Rule, type Span } from "../types";
import { type Candidate } from "./candidate";

/** A rule prepared for scanning: anchored rules also get a sticky copy of their pattern. */
export interface CompiledRule {
  rule: Rule;
  index: number;
  sticky?: RegExp;
  /** The automaton's ids of the rule's keywords. */
  keywordIds: readonly number[];
}

/**
 * The value inside a regex match: from the first to the last named group that took part (a group
 * may sit inside a lookbehind, so patterns can start at a literal and still report what precedes
 * it), else the whole match.
 */
function valueSpan(match: RegExpExecArray): Span {
  const groups = match.indices?.groups;
  let start = Infinity;
  let end = -Infinity;
  if (groups) {
    for (const name in groups) {
      const span = groups[name];
      if (!span) continue;
      start = Math.min(start, span[0]);
      end = Math.max(end, span[1]);
    }
  }
  return start === Infinity ? { start: match.index, end: match.index + match[0].length } : { start, end };
}

function accept(text: string, compiled: CompiledRule, match: RegExpExecArray, candidates: Candidate[]): void {
  const { rule, index } = compiled;
  const { start, end } = valueSpan(match);
  if (end <= start) return;
  if (rule.validate && !rule.validate(text.slice(start, end), { text, matchStart: match.index, matchEnd: match.index + match[0].length, start, end })) return;
  candidates.push({ start, end, rule: index, priority: rule.priority });
}

/** Keyword starts for one rule, merged across its keywords, ascending and unique. */
function anchorsOf(compiled: CompiledRule, positions: readonly (readonly number[] | undefined)[]): number[] {
  const lists = compiled.keywordIds.map((id) => positions[id]).filter((list): list is readonly number[] => list !== undefined);
  if (lists.length === 1) return lists[0] as number[];
  return [...new Set(lists.flat())].sort((a, b) => a - b);
}

/**
 * Runs the selected rules over `text` and keeps the candidates their validators accept. Each rule
 * yields non-overlapping matches of its own; overlaps between rules are resolved afterwards.
 * With `positions` (the automaton's keyword offsets) an anchored rule tries its sticky pattern at
 * each keyword start past its previous match: the same matches, in the same order, as the full
 * global pass it replaces, since every match starts at a keyword.
 */
export function collectCandidates(
  text: string,
  selected: readonly CompiledRule[],
  positions?: readonly (readonly number[] | undefined)[],
): Candidate[] {
  const candidates: Candidate[] = [];
  for (const compiled of selected) {
    const { rule, index } = compiled;
    if (rule.find) {
      for (const span of rule.find(text)) {
        if (span.end > span.start) candidates.push({ start: span.start, end: span.end, rule: index, priority: rule.priority });
      }
      continue;
    }
    if (positions && compiled.sticky) {
      const sticky = compiled.sticky;
      let next = 0;
      for (const at of anchorsOf(compiled, positions)) {
        if (at < next) continue;
        sticky.lastIndex = at;
        const match = sticky.exec(text);
        if (match === null || match[0].length === 0) continue;
        next = match.index + match[0].length;
        accept(text, compiled, match, candidates);
      }
      continue;
    }
    const pattern = rule.pattern!;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      if (match[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      accept(text, compiled, match, candidates);
    }
  }
  return candidates;
}
