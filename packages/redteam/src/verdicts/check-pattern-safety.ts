import { parsePattern, type PatternTerm, type Quantifier } from "./parse-pattern";

export type PatternProblem = "invalid_syntax" | "too_long" | "backreference" | "nested_quantifier" | "quantified_alternation" | "leading_repeat";

/** Longest source accepted (the scenario schema's own cap). */
export const MAX_PATTERN_LENGTH = 500;

/** Repetition bounded above this counts as unbounded: `{0,1000}` costs like `*`. */
const LARGE_REPEAT = 100;

export const PATTERN_PROBLEM_MESSAGES: Record<PatternProblem, string> = {
  invalid_syntax: "is not a valid regular expression",
  too_long: `is longer than ${MAX_PATTERN_LENGTH} characters`,
  backreference: "uses a backreference, whose matching cost has no bound",
  nested_quantifier: "repeats a group that itself repeats, e.g. (a+)+, which can take exponential time",
  quantified_alternation: "repeats a group of alternatives without a bound, e.g. (a|ab)*, which can take exponential time",
  leading_repeat: "starts with an unbounded repeat, e.g. .*secret, which is retried at every position; drop the leading .* (patterns match anywhere)",
};

/**
 * Whether a `reply_pattern` source is safe to run on a reply of up to 64 KiB with V8's
 * backtracking engine. The length cap alone does not bound the cost: `(a+)+$` is exponential,
 * and `.*secret` already takes about five seconds on 64 KiB without a match (each of the 65,536
 * start positions rescans the rest). So a safe subset: no backreferences, no repeat nested in an
 * unbounded repeat, no unbounded repeat of alternatives, no unbounded repeat at the start. Null
 * when safe. The check is conservative: it may refuse a fast pattern, never admit these shapes.
 */
export function checkPatternSafety(source: string): PatternProblem | null {
  if (source.length > MAX_PATTERN_LENGTH) return "too_long";
  try {
    new RegExp(source, "i");
  } catch {
    return "invalid_syntax";
  }
  const alternatives = parsePattern(source);
  return problemIn(alternatives) ?? (canStartWithRepeat(alternatives) ? "leading_repeat" : null);
}

function repeats(quantifier: Quantifier | undefined): boolean {
  return quantifier !== undefined && quantifier.max > 1;
}

function unbounded(quantifier: Quantifier | undefined): boolean {
  return quantifier !== undefined && quantifier.max > LARGE_REPEAT;
}

function problemIn(alternatives: PatternTerm[][]): PatternProblem | null {
  for (const term of alternatives.flat()) {
    if (term.kind === "backreference") return "backreference";
    if (term.kind !== "group") continue;
    const inner = problemIn(term.alternatives);
    if (inner) return inner;
    const outer = term.quantifier;
    if (unbounded(outer) && term.alternatives.length > 1) return "quantified_alternation";
    if ((unbounded(outer) && containsRepeat(term.alternatives, repeats)) || (repeats(outer) && containsRepeat(term.alternatives, unbounded))) {
      return "nested_quantifier";
    }
  }
  return null;
}

function containsRepeat(alternatives: PatternTerm[][], test: (quantifier: Quantifier | undefined) => boolean): boolean {
  return alternatives.flat().some((term) => {
    if (term.kind === "start" || term.kind === "end" || term.kind === "boundary") return false;
    return test(term.quantifier) || (term.kind === "group" && containsRepeat(term.alternatives, test));
  });
}

/** Whether some alternative can begin (after optional and zero-width terms) with an unbounded repeat. */
function canStartWithRepeat(alternatives: PatternTerm[][]): boolean {
  return alternatives.some((terms) => {
    for (const term of terms) {
      if (term.kind === "start") return false; // anchored: tried at one position only
      if (term.kind === "end" || term.kind === "boundary") continue;
      if (term.kind === "group" && term.lookaround) continue;
      if (unbounded(term.quantifier)) return true;
      if (term.kind === "group" && canStartWithRepeat(term.alternatives)) return true;
      if (!canBeEmpty(term)) return false;
    }
    return false;
  });
}

function canBeEmpty(term: PatternTerm): boolean {
  if (term.kind === "start" || term.kind === "end" || term.kind === "boundary") return true;
  if (term.quantifier?.min === 0) return true;
  if (term.kind !== "group") return false;
  return term.lookaround || term.alternatives.some((terms) => terms.every(canBeEmpty));
}
