import { luhnValid } from "../validators/luhn";
import { DIGITS, type SeededRandom } from "./seeded-random";

/** Appends the Luhn check digit to a partial number. */
export function withLuhnDigit(partial: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    if (luhnValid(partial + digit)) return partial + digit;
  }
  throw new Error("unreachable");
}

const ISSUERS: readonly { prefixes: readonly string[]; lengths: readonly number[] }[] = [
  { prefixes: ["4"], lengths: [13, 16, 19] },
  { prefixes: ["51", "52", "53", "54", "55", "2221", "2500", "2720"], lengths: [16] },
  { prefixes: ["34", "37"], lengths: [15] },
  { prefixes: ["6011", "644", "649", "65", "622126"], lengths: [16, 19] },
  { prefixes: ["3528", "3589"], lengths: [16] },
  { prefixes: ["300", "305", "36", "38"], lengths: [14] },
  { prefixes: ["62"], lengths: [16, 19] },
];

/** A Luhn-valid number with a real issuer prefix and length (a test number, never a real card). */
export function fakeCardNumber(random: SeededRandom): string {
  const issuer = random.pick(ISSUERS);
  const prefix = random.pick(issuer.prefixes);
  const length = random.pick(issuer.lengths);
  return withLuhnDigit(prefix + random.string(DIGITS, length - prefix.length - 1));
}
