function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * A masked preview: at most 4 leading and 3 trailing characters, and never more than about 30%
 * of the value (a sixth at the start, an eighth at the end), so short values show almost nothing
 * (`4111111111111111` → `41…11`, an SSN → `1…9`) and long keys show their family
 * (`sk-proj-…` → `sk-p…9xQ`) but never enough to reconstruct or brute-force them.
 * Cuts never split a surrogate pair; control characters show as spaces.
 */
export function maskPreview(value: string): string {
  const length = value.length;
  let head = Math.min(4, Math.floor(length / 6));
  let tail = Math.min(3, Math.floor(length / 8));
  if (head > 0 && isHighSurrogate(value.charCodeAt(head - 1))) head--;
  if (tail > 0 && isLowSurrogate(value.charCodeAt(length - tail))) tail--;
  const shown = `${value.slice(0, head)}…${tail > 0 ? value.slice(length - tail) : ""}`;
  return shown.replace(/\p{Cc}/gu, " ");
}
