const BASE64_TOKEN = /[A-Za-z0-9+/]{12,}={0,2}/g;

function rot13(text: string): string {
  return text.replace(/[a-z]/gi, (char) => {
    const base = char <= "Z" ? 65 : 97;
    return String.fromCharCode(((char.charCodeAt(0) - base + 13) % 26) + base);
  });
}

function isReadableText(text: string): boolean {
  return text.length > 0 && /^[\x20-\x7e\t\r\n]+$/.test(text) && /[a-z]{3}/i.test(text);
}

/**
 * Decodes the simple obfuscations red-teamers use (base64 tokens, text marked rot13) so the
 * intent rules see what was really asked. Returns the decoded fragments only.
 */
export function decodeObfuscated(message: string): string[] {
  const decoded: string[] = [];
  for (const token of message.match(BASE64_TOKEN) ?? []) {
    if (token.length % 4 === 1) continue;
    const text = Buffer.from(token, "base64").toString("utf8");
    if (isReadableText(text) && text.includes(" ")) decoded.push(text);
  }
  const rot = /rot-?13\W*(?:decode\W*)?[:-]?\s*["']?([^"'\n]+)/i.exec(message);
  if (rot?.[1]) decoded.push(rot13(rot[1]));
  return decoded;
}

export const encodeRot13 = rot13;
