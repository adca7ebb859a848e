/**
 * A small parser for the regex sources of `reply_pattern` detectors, just deep enough to judge
 * their cost (see `checkPatternSafety`): terms, groups, alternatives and quantifiers. It assumes
 * the source already compiled with `new RegExp(source, "i")`, so it is lenient about the rest.
 */

export interface Quantifier {
  min: number;
  max: number;
}

export type PatternTerm =
  | { kind: "atom"; quantifier?: Quantifier }
  | { kind: "start" | "end" | "boundary"; quantifier?: undefined }
  | { kind: "backreference"; quantifier?: Quantifier }
  | { kind: "group"; lookaround: boolean; alternatives: PatternTerm[][]; quantifier?: Quantifier };

export function parsePattern(source: string): PatternTerm[][] {
  const parser = { source, at: 0 };
  return parseAlternatives(parser);
}

interface Parser {
  source: string;
  at: number;
}

function parseAlternatives(p: Parser): PatternTerm[][] {
  const alternatives: PatternTerm[][] = [[]];
  while (p.at < p.source.length && p.source[p.at] !== ")") {
    if (p.source[p.at] === "|") {
      p.at++;
      alternatives.push([]);
      continue;
    }
    const term = parseTerm(p);
    if (term.kind === "atom" || term.kind === "group" || term.kind === "backreference") {
      const quantifier = parseQuantifier(p);
      if (quantifier) term.quantifier = quantifier;
    }
    alternatives.at(-1)!.push(term);
  }
  return alternatives;
}

function parseTerm(p: Parser): PatternTerm {
  const char = p.source[p.at++]!;
  switch (char) {
    case "^":
      return { kind: "start" };
    case "$":
      return { kind: "end" };
    case "\\":
      return parseEscape(p);
    case "[":
      skipClass(p);
      return { kind: "atom" };
    case "(":
      return parseGroup(p);
    default:
      return { kind: "atom" };
  }
}

function parseEscape(p: Parser): PatternTerm {
  const char = p.source[p.at++] ?? "";
  if (char === "b" || char === "B") return { kind: "boundary" };
  // Conservative: outside unicode mode `\1` may also be an octal escape, but treating it as a
  // backreference only ever rejects a pattern, never admits a slow one.
  if (/[1-9]/.test(char)) return { kind: "backreference" };
  if (char === "k" && p.source[p.at] === "<") return { kind: "backreference" };
  return { kind: "atom" };
}

function skipClass(p: Parser): void {
  while (p.at < p.source.length) {
    const char = p.source[p.at++];
    if (char === "\\") p.at++;
    else if (char === "]") return;
  }
}

function parseGroup(p: Parser): PatternTerm {
  let lookaround = false;
  if (p.source[p.at] === "?") {
    const rest = p.source.slice(p.at + 1, p.at + 3);
    if (rest.startsWith("=") || rest.startsWith("!")) [lookaround, p.at] = [true, p.at + 2];
    else if (rest === "<=" || rest === "<!") [lookaround, p.at] = [true, p.at + 3];
    else if (rest.startsWith(":")) p.at += 2;
    else if (rest.startsWith("<")) p.at = p.source.includes(">", p.at) ? p.source.indexOf(">", p.at) + 1 : p.source.length;
  }
  const alternatives = parseAlternatives(p);
  p.at++; // the closing ")"
  return { kind: "group", lookaround, alternatives };
}

const BRACES = /^\{(\d+)(,(\d*))?\}/;

function parseQuantifier(p: Parser): Quantifier | undefined {
  const char = p.source[p.at];
  let quantifier: Quantifier | undefined;
  if (char === "*") quantifier = { min: 0, max: Infinity };
  else if (char === "+") quantifier = { min: 1, max: Infinity };
  else if (char === "?") quantifier = { min: 0, max: 1 };
  if (quantifier) {
    p.at++;
  } else {
    // Outside unicode mode a `{` that does not form a quantifier is a literal.
    const braces = BRACES.exec(p.source.slice(p.at));
    if (!braces) return undefined;
    const min = Number(braces[1]);
    quantifier = { min, max: braces[2] === undefined ? min : braces[3] === "" ? Infinity : Number(braces[3]) };
    p.at += braces[0].length;
  }
  if (p.source[p.at] === "?") p.at++; // lazy: the same cost
  return quantifier;
}
