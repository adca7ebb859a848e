export type CardIssuer = "visa" | "mastercard" | "amex" | "discover" | "jcb" | "diners" | "unionpay";

function prefixBetween(digits: string, length: number, low: number, high: number): boolean {
  const prefix = Number(digits.slice(0, length));
  return prefix >= low && prefix <= high;
}

/**
 * The scheme a card number belongs to, from its issuer prefix (IIN) and length, or null. Numbers
 * with a valid Luhn digit but no scheme prefix (ids, timestamps starting with 1) are not cards.
 */
export function cardIssuer(digits: string): CardIssuer | null {
  const length = digits.length;
  if (digits.startsWith("4")) return length === 13 || length === 16 || length === 19 ? "visa" : null;
  if (prefixBetween(digits, 2, 51, 55) || prefixBetween(digits, 4, 2221, 2720)) return length === 16 ? "mastercard" : null;
  if (digits.startsWith("34") || digits.startsWith("37")) return length === 15 ? "amex" : null;
  if (digits.startsWith("6011") || prefixBetween(digits, 3, 644, 649) || digits.startsWith("65") || prefixBetween(digits, 6, 622126, 622925)) {
    return length >= 16 && length <= 19 ? "discover" : null;
  }
  if (digits.startsWith("62")) return length >= 16 && length <= 19 ? "unionpay" : null;
  if (prefixBetween(digits, 4, 3528, 3589)) return length >= 16 && length <= 19 ? "jcb" : null;
  if (prefixBetween(digits, 3, 300, 305) || digits.startsWith("3095") || digits.startsWith("36") || digits.startsWith("38") || digits.startsWith("39")) {
    return length >= 14 && length <= 19 ? "diners" : null;
  }
  return null;
}
