import { type Span } from "../types";

/** `icon@2x.png` and `bundle@3.1.js` are asset names, not addresses. */
const FILE_EXTENSION_TLD = /^(?:png|jpe?g|gif|svg|webp|avif|ico|bmp|css|js|mjs|cjs|ts|tsx|jsx|json|map|woff2?|ttf|otf|eot|mp4|webm|mp3|wav|pdf|zip|gz|txt|md|html?)$/i;
/** Labels cannot contain dots, so the domain parses one way only. */
const DOMAIN = /(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9-]|\.[A-Za-z0-9])/y;
const MAX_LOCAL = 64;

const LOCAL_CHAR = new Uint8Array(128);
for (const char of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-") LOCAL_CHAR[char.charCodeAt(0)] = 1;

function isLocalChar(code: number): boolean {
  return code < 128 && LOCAL_CHAR[code] === 1;
}

/**
 * Email addresses, found from each `@` (a native `indexOf`) outwards: the domain by a sticky regex,
 * the local part by walking back at most 64 characters (RFC 5321). A local part that would be
 * longer is not an address, so `"a".repeat(100000) + "@x.io"` costs one bounded step, never a
 * quadratic scan.
 */
export function* findEmails(text: string): Generator<Span> {
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    let start = at;
    while (start > 0 && at - start <= MAX_LOCAL && isLocalChar(text.charCodeAt(start - 1))) start--;
    if (start === at || at - start > MAX_LOCAL) continue;
    // `https://user@host` is a URL's user name and host, not an address.
    if (text.startsWith("//", start - 2)) continue;
    DOMAIN.lastIndex = at + 1;
    const domain = DOMAIN.exec(text);
    if (domain === null) continue;
    const local = text.slice(start, at);
    if (local.startsWith(".") || local.endsWith(".") || local.includes("..")) continue;
    const name = domain[0];
    if (name.split(".").some((label) => label.startsWith("-") || label.endsWith("-"))) continue;
    if (FILE_EXTENSION_TLD.test(name.slice(name.lastIndexOf(".") + 1))) continue;
    yield { start, end: at + 1 + name.length };
    at += name.length;
  }
}
