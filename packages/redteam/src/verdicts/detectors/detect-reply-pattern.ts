import { compileReplyPattern } from "../compile-reply-pattern";
import { type DetectorHit } from "./detector-hit";
import { safeText } from "./safe-text";

/** Reply characters a pattern runs over (UTF-16 code units): bounds the cost of any safe pattern. */
export const MAX_PATTERN_SCAN_CHARS = 64 * 1024;

/** The reply matches one of these case-insensitive patterns; invalid or unsafe ones never match. */
export function detectReplyPattern(reply: string, patterns: readonly string[]): DetectorHit | null {
  const scanned = reply.length > MAX_PATTERN_SCAN_CHARS ? reply.slice(0, MAX_PATTERN_SCAN_CHARS) : reply;
  const matched = patterns.find((source) => compileReplyPattern(source)?.test(scanned) ?? false);
  if (matched === undefined) return null;
  return { detector: "reply_pattern", reason: `The reply matched the pattern /${safeText(matched, 60)}/.`, evidence: [{ kind: "reply" }] };
}
