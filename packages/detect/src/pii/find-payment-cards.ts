import { type Span } from "../types";
import { luhnValid } from "../validators/luhn";
import { cardIssuer } from "./card-issuer";

const MAX_WINDOW_GROUPS = 7;
/**
 * Twelve or more digits joined by single spaces or dashes. Each repetition consumes exactly one
 * digit, so there is one way to match: linear. Shorter runs (dates, amounts) fail natively.
 */
const DIGIT_SEQUENCE = /(?<![0-9])[0-9](?:[ -]?[0-9]){11,}/g;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Word characters and a decimal point glue a number to something else (an id, an amount). */
function isGlue(code: number): boolean {
  return isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

interface Group {
  start: number;
  end: number;
}

/** Printed cards group digits in fours (Amex and Diners 4-6-5 / 4-6-4); an unbroken run is 12-19. */
function plausibleGrouping(groups: readonly Group[]): boolean {
  if (groups.length === 1) return true;
  return groups.every((group) => group.end - group.start >= 3 && group.end - group.start <= 6);
}

/**
 * Payment card numbers: issuer prefix, length and Luhn, written unbroken or grouped by spaces or
 * dashes (one separator kind per number). Digit sequences come from one native regex pass; only
 * those with 12+ characters are split into groups, and every window of whole groups is tried,
 * longest first, so a card followed by more digits (`4111 1111 1111 1111 12/26`) or preceded by
 * another number is still found.
 */
export function findPaymentCards(text: string): Span[] {
  const spans: Span[] = [];
  DIGIT_SEQUENCE.lastIndex = 0;
  for (let match = DIGIT_SEQUENCE.exec(text); match !== null; match = DIGIT_SEQUENCE.exec(text)) {
    const end = match.index + match[0].length;
    // Split into groups; a change of separator kind starts a new number.
    let groups: Group[] = [];
    let separator = -1;
    let groupStart = match.index;
    for (let i = match.index; i <= end; i++) {
      const code = i < end ? text.charCodeAt(i) : -1;
      if (isDigit(code)) continue;
      groups.push({ start: groupStart, end: i });
      groupStart = i + 1;
      if (code === -1) break;
      if (separator === -1) separator = code;
      else if (code !== separator) {
        cardsInGroups(text, groups, spans);
        groups = [];
        separator = -1;
      }
    }
    cardsInGroups(text, groups, spans);
  }
  return spans;
}

function cardsInGroups(text: string, groups: readonly Group[], spans: Span[]): void {
  let first = 0;
  while (first < groups.length) {
    let found = -1;
    for (let last = Math.min(groups.length - 1, first + MAX_WINDOW_GROUPS - 1); last >= first && found === -1; last--) {
      const start = groups[first]!.start;
      const end = groups[last]!.end;
      // Cheap checks first: digit count from the group bounds, then the text around the window.
      const digitCount = end - start - (last - first);
      if (digitCount < 12 || digitCount > 19) continue;
      if (first === 0 && (isGlue(text.charCodeAt(start - 1)) || text[start - 1] === ".")) continue;
      const after = text.charCodeAt(end);
      if (last === groups.length - 1 && (isGlue(after) || ((after === 46 || after === 44) && isDigit(text.charCodeAt(end + 1))))) continue;
      const window = groups.slice(first, last + 1);
      if (!plausibleGrouping(window)) continue;
      const digits = window.map((group) => text.slice(group.start, group.end)).join("");
      if (cardIssuer(digits) !== null && luhnValid(digits)) {
        found = last;
        spans.push({ start, end });
      }
    }
    first = found === -1 ? first + 1 : found + 1;
  }
}
