const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;
VALUES["+".charCodeAt(0)] = 62;
VALUES["-".charCodeAt(0)] = 62;
VALUES["/".charCodeAt(0)] = 63;
VALUES["_".charCodeAt(0)] = 63;

/**
 * Decodes base64 or base64url (padding optional) to a Latin-1 string, or null when a character is
 * outside the alphabet. Hand-written so validators stay pure and exception-free (`atob` throws).
 * `maxChars` bounds the work on hostile input.
 */
export function base64UrlDecode(value: string, maxChars = 4096): string | null {
  let input = value;
  while (input.endsWith("=")) input = input.slice(0, -1);
  if (input.length > maxChars || input.length % 4 === 1) return null;
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    const sextet = code < 128 ? (VALUES[code] ?? -1) : -1;
    if (sextet < 0) return null;
    buffer = ((buffer << 6) | sextet) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return out;
}
