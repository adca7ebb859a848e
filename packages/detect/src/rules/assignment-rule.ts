import { type CandidateContext, type Kind, type Rule } from "../types";
import { hasDigit, hasLetter } from "../validators/character-classes";
import { shannonEntropy } from "../validators/shannon-entropy";
import { defineRule } from "./define-rule";
import { isPlaceholder } from "./is-placeholder";

/**
 * Words after the key's keyword that make the value something *about* the secret (where to send
 * it, how long it lives, what it is called), not the secret: `token_url`, `passwordHint`.
 */
const DESCRIPTIVE_SUFFIX = /url|uri|endpoint|path|file|name|type|hint|label|prompt|placeholder|field|policy|length|count|limit|expir|ttl|format|pattern|prefix|header|rule|min|max|reset|strength/i;

interface AssignmentOptions {
  id: string;
  kind: Kind;
  /** Regex alternation of key words (matched case-insensitively, anywhere in the key). */
  keys: string;
  keywords: readonly string[];
  /** The value gate, after placeholders and descriptive keys have been ruled out. */
  accept: (value: string) => boolean;
  description: string;
}

/**
 * `key = value` in code, config, env files, YAML, JSON text, headers and query strings. The match
 * starts at the keyword (so `DB_PASSWORD` is found through `PASSWORD`), allows up to 24 more key
 * characters, a closing quote, one of `= : => :=`, and a double-quoted, single-quoted or bare value.
 * Only the value is reported, so redaction keeps the key readable. A bare value stops at brackets
 * and braces (code, templates), which also keeps `password=[PASSWORD]` from matching again.
 */
export function assignmentRule(options: AssignmentOptions): Rule {
  const pattern = new RegExp(
    `(?:${options.keys})[A-Za-z0-9_.-]{0,24}["'\`]?\\s{0,3}(?:=>|:=|[:=])\\s{0,3}` +
      `(?:"(?<dq>(?:[^"\\\\\\r\\n]|\\\\.){1,256})"|'(?<sq>(?:[^'\\\\\\r\\n]|\\\\.){1,256})'|(?<bare>[^\\s"'\`<>,;&()[\\]{}]{1,256}))`,
    "gi",
  );
  return defineRule({
    id: options.id,
    type: "secret",
    kind: options.kind,
    priority: 20,
    keywords: options.keywords,
    anchored: true,
    pattern,
    validate: (value: string, context: CandidateContext) => {
      if (isPlaceholder(value) || /\s/.test(value)) return false;
      const key = context.text.slice(context.matchStart, context.start);
      const suffix = key.replace(new RegExp(`^(?:${options.keys})`, "i"), "");
      if (DESCRIPTIVE_SUFFIX.test(suffix.replace(/["'`\s:=>]+$/, ""))) return false;
      return options.accept(value);
    },
    description: options.description,
  });
}

/** A password someone chose: a digit, a symbol, or a capital after the first letter. */
export function passwordLike(value: string): boolean {
  if (value.length < 4 || value.length > 256) return false;
  return hasDigit(value) || /[^A-Za-z0-9._/-]/.test(value) || /.[A-Z]/.test(value);
}

/**
 * A generated secret: long, letters and digits, high Shannon entropy, and not a URL, a path or
 * code. 3.2 bits/char at 16+ characters separates random keys (≥ 3.5 even for hex) from words,
 * identifiers and version strings (mostly < 3).
 */
export function generatedSecretLike(value: string): boolean {
  if (value.length < 16 || value.length > 256) return false;
  if (value.includes("://") || /^[./~]/.test(value) || /[()]/.test(value)) return false;
  return hasDigit(value) && hasLetter(value) && shannonEntropy(value) >= 3.2;
}
