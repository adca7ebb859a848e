import { type Span } from "../types";
import { IBAN_LENGTHS, ibanChecksumValid } from "../validators/iban-checksum";

const START = /(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}(?= ?[A-Z0-9])/g;

function isAlnumUpper(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
}

/**
 * IBANs, compact or printed in groups of four: the country fixes the length, so the scan reads
 * exactly that many characters (a following word is never swallowed) and then checks mod 97.
 * Upper case only, as IBANs are written.
 */
export function* findIbans(text: string): Generator<Span> {
  START.lastIndex = 0;
  for (let match = START.exec(text); match !== null; match = START.exec(text)) {
    const expected = IBAN_LENGTHS[match[0].slice(0, 2)];
    if (expected === undefined) continue;
    let compact = match[0];
    let cursor = match.index + 4;
    while (compact.length < expected) {
      // A single space is allowed only between groups of four.
      if (text.charCodeAt(cursor) === 32 && compact.length % 4 === 0 && isAlnumUpper(text.charCodeAt(cursor + 1))) cursor++;
      const code = text.charCodeAt(cursor);
      if (!isAlnumUpper(code)) break;
      compact += text[cursor];
      cursor++;
    }
    const after = text.charCodeAt(cursor);
    const glued = isAlnumUpper(after) || (after >= 97 && after <= 122);
    if (compact.length === expected && !glued && ibanChecksumValid(compact)) {
      yield { start: match.index, end: cursor };
      START.lastIndex = cursor;
    }
  }
}
