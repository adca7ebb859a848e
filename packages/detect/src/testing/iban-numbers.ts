import { IBAN_LENGTHS } from "../validators/iban-checksum";
import { DIGITS, UPPER, type SeededRandom } from "./seeded-random";

/** Countries whose BBAN starts with a four-letter bank code; the rest are digits in this generator. */
const LETTER_BANK_CODES = new Set(["GB", "NL", "IE", "BH", "QA", "MT", "JO", "KW", "MU", "SC", "LC", "PK", "RO", "VG", "NI", "GI"]);

function mod97(value: string): number {
  let remainder = 0;
  for (const char of value) {
    const code = char.charCodeAt(0);
    remainder = code >= 65 ? (remainder * 100 + (code - 55)) % 97 : (remainder * 10 + (code - 48)) % 97;
  }
  return remainder;
}

/** A checksum-valid IBAN for `country` with a random BBAN (fake account, real structure). */
export function fakeIban(random: SeededRandom, country: string): string {
  const length = IBAN_LENGTHS[country];
  if (length === undefined) throw new Error(`no IBAN length for ${country}`);
  const bankCode = LETTER_BANK_CODES.has(country) ? random.string(UPPER, 4) : "";
  const bban = bankCode + random.string(DIGITS, length - 4 - bankCode.length);
  const check = 98 - mod97(`${bban}${country}00`);
  return `${country}${String(check).padStart(2, "0")}${bban}`;
}

export function groupInFours(value: string): string {
  return value.replace(/(.{4})(?=.)/g, "$1 ");
}
