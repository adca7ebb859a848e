import { printableText } from "./printable-text";

/**
 * Inline Markdown from untrusted text, on one line. Characters that act anywhere inline
 * (emphasis, code, links, tables, strikethrough, backslash) are backslash-escaped; `<`, `>` and
 * `&` become entities, since Markdown viewers differ in what raw HTML they let through; and a
 * line start that would make a heading, list or rule (`#`, `-`, `+`, `=`, `1.`) is escaped.
 * `!` and `(` are harmless once `[` is escaped.
 */
export function escapeMarkdown(text: string): string {
  const inline = printableText(text)
    .replace(/\s+/g, " ")
    .trim()
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]|~]/g, "\\$&");
  return inline.replace(/^([#+=-])/, "\\$1").replace(/^(\d+)([.)])/, "$1\\$2");
}

/**
 * A fenced code block that the content cannot close: the fence is one backtick longer than the
 * longest backtick run inside (at least three), so a reply containing ``` stays inside.
 */
export function markdownCodeBlock(raw: string): string {
  const text = printableText(raw);
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text}\n${fence}`;
}
