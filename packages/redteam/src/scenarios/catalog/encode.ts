/**
 * Encoders for the `encoded` phrasings, applied when the catalog is loaded so each phrasing stays
 * readable (and reviewable) in source. Only base64 and rot13: they are what red-teamers use first
 * and what apps/demo-agent decodes, so the demo agent can prove every encoded phrasing works.
 */

function assertNoTemplate(text: string): void {
  // A placeholder inside an encoded span would be hidden from the renderer and sent literally.
  if (text.includes("{{")) throw new Error(`Encoded text must not contain a template placeholder: ${text}`);
}

export function base64(text: string): string {
  assertNoTemplate(text);
  return Buffer.from(text, "utf8").toString("base64");
}

export function rot13(text: string): string {
  assertNoTemplate(text);
  return text.replace(/[a-z]/gi, (char) => {
    const base = char <= "Z" ? 65 : 97;
    return String.fromCharCode(((char.charCodeAt(0) - base + 13) % 26) + base);
  });
}
