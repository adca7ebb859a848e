import { checkPatternSafety } from "./check-pattern-safety";

/**
 * The regex a `reply_pattern` source stands for (case-insensitive), or null when the source is
 * invalid or unsafe to run. Null reads as "does not match": a bad custom pattern must never
 * throw inside the judge or stall a worker, and `validateDetectorPatterns` rejects it up front.
 */
export function compileReplyPattern(source: string): RegExp | null {
  if (checkPatternSafety(source) !== null) return null;
  return new RegExp(source, "i");
}
