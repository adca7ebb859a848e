import { type CandidateContext, type Rule } from "../types";
import { shannonEntropy } from "../validators/shannon-entropy";
import { defineRule, escapeRegExp } from "./define-rule";

/** Below this a "token" is a placeholder such as `ghp_xxxx…` or `sk-000…`, not a credential. */
const PLACEHOLDER_ENTROPY = 3;

interface PrefixedTokenOptions {
  id: string;
  kind: Rule["kind"];
  /** Case-sensitive literal prefixes, e.g. `ghp_`. They double as the pre-filter keywords. */
  prefixes: readonly string[];
  /** Regex source for what follows the prefix; bounded quantifiers only. */
  body: string;
  priority?: number;
  validate?: (value: string, context: CandidateContext) => boolean;
  description: string;
}

/**
 * The common shape of vendor tokens: a literal prefix, a bounded body, and token characters on
 * neither side (so the middle of a longer identifier never matches).
 */
export function prefixedToken(options: PrefixedTokenOptions): Rule {
  const prefixes = options.prefixes.map(escapeRegExp).join("|");
  const pattern = new RegExp(`(?<![A-Za-z0-9_-])(?:${prefixes})${options.body}(?![A-Za-z0-9_-])`, "g");
  const extra = options.validate;
  return defineRule({
    id: options.id,
    type: "secret",
    kind: options.kind,
    priority: options.priority ?? 90,
    keywords: [...new Set(options.prefixes.map((prefix) => prefix.toLowerCase()))],
    // Every match starts with a prefix, so the rule only needs trying where one occurs.
    anchored: true,
    pattern,
    validate: (value, context) => shannonEntropy(value) >= PLACEHOLDER_ENTROPY && (!extra || extra(value, context)),
    description: options.description,
  });
}
