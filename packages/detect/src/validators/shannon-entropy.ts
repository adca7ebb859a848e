/** Scratch counts for ASCII; reset after each call via the list of codes seen. Single-threaded. */
const asciiCounts = new Int32Array(128);

/**
 * Shannon entropy in bits per character. Random keys sit near log2 of their alphabet (base64 ≈ 6,
 * hex ≈ 4 at lengths where every symbol can appear); words and identifiers sit well below.
 */
export function shannonEntropy(value: string): number {
  const length = value.length;
  if (length === 0) return 0;
  const seen: number[] = [];
  let other: Map<number, number> | undefined;
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    if (code < 128) {
      if (asciiCounts[code]!++ === 0) seen.push(code);
    } else {
      other ??= new Map();
      other.set(code, (other.get(code) ?? 0) + 1);
    }
  }
  let bits = 0;
  const add = (count: number) => {
    const p = count / length;
    bits -= p * Math.log2(p);
  };
  for (const code of seen) {
    add(asciiCounts[code]!);
    asciiCounts[code] = 0;
  }
  other?.forEach(add);
  return bits;
}
