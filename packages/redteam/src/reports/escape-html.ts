import { printableText } from "./printable-text";

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text for HTML element content and quoted attribute values: every character that could open markup or end a quote. */
export function escapeHtml(text: string): string {
  return printableText(text).replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/**
 * An href only for http(s) URLs. Remediation references are URLs by schema, but `javascript:`
 * is a valid URL too; anything else is shown as text by the caller.
 */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}
