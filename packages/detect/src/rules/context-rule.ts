import { type Kind, type Rule, type Span } from "../types";
import { defineRule, escapeRegExp } from "./define-rule";

interface ContextRuleOptions {
  id: string;
  kind: Kind;
  priority: number;
  /** Lowercase words, one of which must end within `window` characters before the value. */
  context: readonly string[];
  window?: number;
  /** Global regex for the value itself, with one-character boundary assertions at most. */
  candidate: RegExp;
  /** Longest value `candidate` can match: bounds the slice each window is searched in. */
  maxLength: number;
  validate?: (value: string) => boolean;
  description: string;
}

/**
 * Values that are only a secret in context (32 hex characters after "datadog", 40 base64
 * characters after "aws"). Instead of testing every hex run in the text and looking back for the
 * word, the scan finds the words and searches only the window after each one, so the cost follows
 * the number of context words, not the number of hashes and ids in the text. A value counts when a
 * context word lies wholly within the `window` characters before it.
 */
export function contextRule(options: ContextRuleOptions): Rule {
  const window = options.window ?? 160;
  const words = new RegExp(options.context.map(escapeRegExp).join("|"), "gi");
  const candidate = new RegExp(options.candidate.source, options.candidate.flags.includes("g") ? options.candidate.flags : `${options.candidate.flags}g`);
  const validate = options.validate ?? (() => true);

  function* find(text: string): Generator<Span> {
    words.lastIndex = 0;
    let searchedTo = -1;
    for (let word = words.exec(text); word !== null; word = words.exec(text)) {
      const first = Math.max(word.index + word[0].length, searchedTo + 1);
      const last = Math.min(word.index + window, text.length - 1);
      if (first > last) continue;
      searchedTo = last;
      // One character either side so the candidate's boundary assertions see the real text.
      const offset = Math.max(0, first - 1);
      const slice = text.slice(offset, Math.min(text.length, last + options.maxLength + 1));
      candidate.lastIndex = first - offset;
      for (let match = candidate.exec(slice); match !== null && match.index + offset <= last; match = candidate.exec(slice)) {
        if (validate(match[0])) yield { start: match.index + offset, end: match.index + offset + match[0].length };
      }
    }
  }

  return defineRule({
    id: options.id,
    type: "secret",
    kind: options.kind,
    priority: options.priority,
    keywords: options.context,
    find,
    description: options.description,
  });
}
