import { type Rule } from "../types";

const NAMED_GROUP = /\(\?<[A-Za-z]/;

/**
 * Normalises a rule once, at load: the pattern gets `g` (and `d` when it marks the value with
 * named groups, so offsets come from the engine instead of a fragile `indexOf`). A malformed rule
 * is a programming error and fails loudly at import, never at scan time.
 */
export function defineRule(rule: Rule): Rule {
  if (!rule.pattern === !rule.find) throw new Error(`rule ${rule.id}: needs exactly one of pattern and find`);
  for (const keyword of rule.keywords) {
    if (keyword === "" || keyword !== keyword.toLowerCase()) throw new Error(`rule ${rule.id}: keywords are non-empty lowercase`);
  }
  if (rule.keywords.length === 0 && !rule.precheck) throw new Error(`rule ${rule.id}: a rule without keywords needs a precheck`);
  if (rule.anchored && (!rule.pattern || rule.keywords.length === 0)) throw new Error(`rule ${rule.id}: only a keyword pattern can be anchored`);
  if (!rule.pattern) return rule;
  let flags = rule.pattern.flags;
  if (!flags.includes("g")) flags += "g";
  if (NAMED_GROUP.test(rule.pattern.source) && !flags.includes("d")) flags += "d";
  return { ...rule, pattern: new RegExp(rule.pattern.source, flags) };
}

export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
