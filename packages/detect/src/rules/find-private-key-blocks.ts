import { type Span } from "../types";

const HEADER = /-----BEGIN (?:[A-Z0-9]{1,20} ){0,4}PRIVATE KEY(?: BLOCK)?-----/g;
const END_MARK = "-----END ";
/** Larger than any RSA-8192 or PGP secret key block; an END further away belongs to another block. */
const MAX_BODY_CHARS = 32_768;
/** Characters of a PEM/PGP body when the END line is missing (truncated capture). */
const BODY_CHAR = /[A-Za-z0-9+/=\s\\:,-]/;

/**
 * PEM, OpenSSH and PGP private key blocks, from BEGIN through the END line. Hand-written instead of
 * `BEGIN[\s\S]*?END`, which is quadratic on text full of BEGIN lines: the next END is found once
 * and reused while the scan moves forward, so the whole pass is linear. A block whose END is
 * missing (a body cut off by a size cap) is still a secret: it runs to the end of its body.
 */
export function* findPrivateKeyBlocks(text: string): Generator<Span> {
  HEADER.lastIndex = 0;
  let nextEnd = -1;
  let endSearchedFrom = -1;
  for (let header = HEADER.exec(text); header !== null; header = HEADER.exec(text)) {
    const bodyStart = header.index + header[0].length;
    // An END already known past bodyStart is still the next one; "none" stays none further on.
    if ((nextEnd !== -1 && nextEnd < bodyStart) || endSearchedFrom === -1) {
      nextEnd = text.indexOf(END_MARK, bodyStart);
      endSearchedFrom = bodyStart;
    }
    let end: number;
    if (nextEnd !== -1 && nextEnd - bodyStart <= MAX_BODY_CHARS) {
      const close = text.indexOf("-----", nextEnd + END_MARK.length);
      end = close !== -1 && close - nextEnd <= 64 ? close + 5 : nextEnd + END_MARK.length;
    } else {
      end = bodyStart;
      const limit = Math.min(text.length, bodyStart + MAX_BODY_CHARS);
      while (end < limit && BODY_CHAR.test(text[end] ?? "") && !text.startsWith("-----", end)) end++;
    }
    yield { start: header.index, end };
    HEADER.lastIndex = end;
  }
}
