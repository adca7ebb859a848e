/** What a match is about: a credential, or personal data. */
export type MatchType = "secret" | "pii";

/**
 * The placeholder family of a match; redaction writes `[KIND]`. Kinds are deliberately coarse:
 * a reader of redacted evidence needs to know *what sort* of value was there, not which vendor.
 */
export type Kind =
  | "API_KEY"
  | "AWS_KEY"
  | "TOKEN"
  | "PRIVATE_KEY"
  | "JWT"
  | "BEARER_TOKEN"
  | "PASSWORD"
  | "WEBHOOK_URL"
  | "CONNECTION_STRING"
  | "SECRET"
  | "EMAIL"
  | "PHONE"
  | "SSN"
  | "CREDIT_CARD"
  | "IBAN"
  | "IPV4";

/** One detected value. Offsets are UTF-16 code units into the scanned string, end exclusive. */
export interface Match {
  type: MatchType;
  kind: Kind;
  ruleId: string;
  start: number;
  end: number;
  /** Masked: never enough of the value to reconstruct it (see `maskPreview`). */
  preview: string;
}

/** A match inside a JSON value: offsets are within the string found at `path` (`$.a[0].b`). */
export interface JsonMatch extends Match {
  path: string;
}

/** A match in NDJSON: `line` is 1-based; `path` is set when the line was JSON. */
export interface NdjsonMatch extends Match {
  line: number;
  path?: string;
}

export interface Span {
  start: number;
  end: number;
}

/** Character counts for the prechecks of rules without keywords (each capped at 32). */
export interface TextShape {
  digits: number;
  upper: number;
  dots: number;
}

/** Where a candidate sits, for validators that need the key name or the surrounding text. */
export interface CandidateContext {
  text: string;
  /** The whole regex match (key and separator included); `start`/`end` are the value only. */
  matchStart: number;
  matchEnd: number;
  start: number;
  end: number;
}

export interface Rule {
  /** Stable kebab-case id, reported with every match. */
  id: string;
  type: MatchType;
  kind: Kind;
  /** When two matches overlap the higher priority wins, then the longer, then the earlier. */
  priority: number;
  /**
   * Lowercase literals, at least one of which every match implies (inside the match or in the
   * context its validator requires). The rule only runs when the text contains one of them, so
   * a rule whose keywords are absent costs nothing. Empty means `precheck` decides.
   */
  keywords: readonly string[];
  /**
   * Every match of `pattern` starts exactly at an occurrence of one of `keywords` (its first
   * consumed characters are the keyword). The scan then tries the pattern only where the keyword
   * automaton saw a keyword, instead of a full pass: the cost follows the occurrences.
   */
  anchored?: boolean;
  /** For keyword-less rules: a cheap condition every matching text satisfies. */
  precheck?: (shape: TextShape) => boolean;
  /**
   * Global regex (`g`; `d` is added when it has named groups). Named groups mark the value: the
   * span runs from the first to the last group that took part, and may start inside a leading
   * lookbehind (so the engine can search for a literal first). Without named groups the span is
   * the whole match. Shape: bounded quantifiers, no nested quantifiers over overlapping classes.
   */
  pattern?: RegExp;
  /** A hand-written linear-time matcher, for formats a single regex cannot bound safely. */
  find?: (text: string) => Iterable<Span>;
  validate?: (value: string, context: CandidateContext) => boolean;
  description: string;
}

export interface RedactResult {
  text: string;
  matches: Match[];
  /** Input beyond the size cap was dropped (and a `[TRUNCATED]` marker written). */
  truncated: boolean;
  /** Matches redacted but not listed because of the match cap. */
  omittedMatches: number;
  /** An internal error: the output is a fixed placeholder, never the raw input. */
  failed: boolean;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface RedactJsonResult {
  value: JsonValue;
  matches: JsonMatch[];
  truncated: boolean;
  omittedMatches: number;
  failed: boolean;
}

export interface RedactNdjsonResult {
  text: string;
  matches: NdjsonMatch[];
  truncated: boolean;
  omittedMatches: number;
  failed: boolean;
}
