/**
 * Numbers that pass the structural rules but are well known not to be anyone's: the Woolworth
 * wallet card, an advertisement's number, a number published in a famous ad, and the
 * ascending-digits example that forms and tutorials use.
 */
const KNOWN_INVALID = new Set(["078051120", "219099999", "457555462", "123456789"]);

/**
 * US Social Security number rules on nine digits: area not 000, 666 or 900-999 (never issued,
 * and 987-65-432x is reserved for ads), group not 00, serial not 0000.
 */
export function ssnValid(digits: string): boolean {
  if (!/^[0-9]{9}$/.test(digits)) return false;
  const area = digits.slice(0, 3);
  if (area === "000" || area === "666" || area[0] === "9") return false;
  if (digits.slice(3, 5) === "00" || digits.slice(5) === "0000") return false;
  return !KNOWN_INVALID.has(digits);
}
