const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/**
 * Characters XML 1.0 cannot carry at all, even escaped: C0 controls other than tab, newline and
 * carriage return, lone surrogates, U+FFFE and U+FFFF. Agent replies can contain any of them.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Element text: markup characters escaped, characters XML cannot carry replaced by U+FFFD. */
export function escapeXmlText(text: string): string {
  return text.replace(NOT_XML, "\ufffd").replace(/[&<>"']/g, (char) => XML_ESCAPES[char]!);
}

/** A double-quoted attribute value: as text, and line breaks and tabs as references so parsers keep them. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/\r/g, "&#13;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}
