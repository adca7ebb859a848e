/**
 * Values that stand for a secret instead of being one: templates, masks, documentation words and
 * our own `[KIND]` placeholders (so redacted output never re-matches). A template may be cut
 * short of its closing brace, since bare values stop at `}`.
 */
const PLACEHOLDER =
  /^(?:\*+|[xX]+|\.{2,}|•+|-+|<[^<>]*>|\$\{[^{}]*\}?|\$\(?[A-Za-z_][A-Za-z0-9_]*\)?|\{\{[^{}]*(?:\}\})?|%[A-Za-z_][A-Za-z0-9_]*%|\[[A-Z_]+\]|(?:your|my|insert|replace|enter|put|example|sample|dummy|fake|test)[_ -].*|null|none|nil|undefined|true|false|todo|tbd|string|str|text|number|int|integer|boolean|bool|any|object|required|optional|hidden|masked|redacted|secret|password|passwd|token|example|sample|placeholder|empty|default|value|n\/a)$/i;

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value);
}
