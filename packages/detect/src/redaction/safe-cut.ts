import { TRUNCATION_BACKOFF_CHARS } from "../limits";

const SEPARATOR = /[\s"',;<>]/;

/**
 * Where to cut `text` to at most `max` characters without leaving half of a token readable: back
 * to the last separator within the back-off window, or the whole window when there is none.
 */
export function safeCut(text: string, max: number): number {
  if (text.length <= max) return text.length;
  const floor = Math.max(0, max - TRUNCATION_BACKOFF_CHARS);
  for (let i = max; i > floor; i--) {
    if (SEPARATOR.test(text[i] ?? "")) return i;
  }
  return floor;
}
