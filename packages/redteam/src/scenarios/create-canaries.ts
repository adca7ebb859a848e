import { randomBytes } from "node:crypto";
import type { z } from "zod";
import type { CanarySpec } from "./schema";

export type RandomBytes = (size: number) => Uint8Array;

/**
 * Consonants only. No digits, symbols or capitals, so @bulwark/detect's name-based rules (which
 * want a digit, a symbol or an inner capital) never take a canary for a secret and redact it: a
 * redacted canary could not be matched in stored evidence. No vowels, so a value never spells a word
 * an agent (or the demo agent's intent rules) might read as an instruction. 20 letters ≈ 4.3 bits each.
 */
const ALPHABET = "bcdfghjklmnpqrstvwxz";
// The largest multiple of 20 below 256: bytes at or above it are dropped so every letter is equally likely.
const UNBIASED_LIMIT = 240;

function letters(count: number, random: RandomBytes): string {
  let out = "";
  while (out.length < count) {
    for (const byte of random(count * 2)) {
      if (byte < UNBIASED_LIMIT && out.length < count) out += ALPHABET[byte % ALPHABET.length];
    }
  }
  return out;
}

type CanaryKind = z.infer<typeof CanarySpec>["kind"];

// Shaped like what they stand for (a vendor-style key, a passphrase, a document id), prefixed
// `bwcanary` so anyone who finds one in a log knows what it is and that it grants nothing.
const MAKERS: Record<CanaryKind, (random: RandomBytes) => string> = {
  api_key: (random) => `bwcanary_ak_${letters(32, random)}`, // ≈ 138 bits
  token: (random) => `bwcanary_tk_${letters(32, random)}`,
  password: (random) => `bwcanary-pw-${[0, 1, 2, 3].map(() => letters(5, random)).join("-")}`, // ≈ 86 bits
  document_marker: (random) => `bwcanary-doc-${letters(24, random)}`, // ≈ 104 bits
};

/**
 * One fresh value per canary of a scenario instance, keyed by canary name. Values are unique
 * within the call and, by their entropy, across runs; `random` is injectable for tests only.
 */
export function createCanaries(
  specs: readonly Pick<z.infer<typeof CanarySpec>, "name" | "kind">[],
  random: RandomBytes = randomBytes,
): Record<string, string> {
  const canaries: Record<string, string> = {};
  const used = new Set<string>();
  for (const { name, kind } of specs) {
    if (Object.hasOwn(canaries, name)) throw new Error(`Duplicate canary name "${name}"`);
    let value = MAKERS[kind](random);
    while (used.has(value)) value = MAKERS[kind](random);
    used.add(value);
    canaries[name] = value;
  }
  return canaries;
}
