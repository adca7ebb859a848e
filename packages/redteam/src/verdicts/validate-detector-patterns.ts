import { type DetectorSpec } from "../scenarios/schema";
import { checkPatternSafety, PATTERN_PROBLEM_MESSAGES, type PatternProblem } from "./check-pattern-safety";

export interface DetectorPatternIssue {
  /** Index into the scenario's `detectors`. */
  detectorIndex: number;
  /** Index into that detector's `patterns`. */
  patternIndex: number;
  problem: PatternProblem;
  /** For an API error's details, e.g. "detectors[2].patterns[0] starts with an unbounded repeat …". */
  message: string;
}

/**
 * Every `reply_pattern` source the judge would refuse to run, for custom scenarios (call it
 * where the API accepts one, and in the built-in catalog's tests). Empty when all are usable.
 * The judge treats a refused pattern as not matching, so a scenario with one would under-report.
 */
export function validateDetectorPatterns(detectors: readonly DetectorSpec[]): DetectorPatternIssue[] {
  const issues: DetectorPatternIssue[] = [];
  detectors.forEach((detector, detectorIndex) => {
    if (detector.type !== "reply_pattern") return;
    detector.patterns.forEach((pattern, patternIndex) => {
      const problem = checkPatternSafety(pattern);
      if (problem === null) return;
      const message = `detectors[${detectorIndex}].patterns[${patternIndex}] ${PATTERN_PROBLEM_MESSAGES[problem]}`;
      issues.push({ detectorIndex, patternIndex, problem, message });
    });
  });
  return issues;
}
