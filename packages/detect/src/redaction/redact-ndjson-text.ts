import { TRUNCATED_MARKER } from "../limits";
import { type JsonMatch, type JsonValue, type Match, type NdjsonMatch } from "../types";
import { safeCut } from "./safe-cut";

export interface NdjsonParts {
  redactLine: (line: string) => { text: string; matches: Match[]; truncated: boolean };
  redactJsonLine: (value: unknown) => { value: JsonValue; matches: JsonMatch[]; truncated: boolean };
  maxChars: number;
}

/**
 * NDJSON line by line. A line that parses as JSON is redacted as JSON (strings only) and written
 * back with JSON.stringify — only when something changed, so untouched lines keep their exact
 * bytes (and integers beyond 2^53 survive). Any other line is redacted as plain text. `\r\n`
 * endings are kept.
 */
export function redactNdjsonText(text: string, parts: NdjsonParts): { text: string; matches: NdjsonMatch[]; truncated: boolean } {
  let input = text;
  let truncated = false;
  if (input.length > parts.maxChars) {
    input = input.slice(0, safeCut(input, parts.maxChars));
    truncated = true;
  }
  const lines = input.split("\n");
  const matches: NdjsonMatch[] = [];
  const out: string[] = [];
  lines.forEach((rawLine, index) => {
    const carriage = rawLine.endsWith("\r") ? "\r" : "";
    const line = carriage ? rawLine.slice(0, -1) : rawLine;
    const lineNumber = index + 1;
    const parsed = line.trim() === "" ? undefined : parseJson(line);
    if (parsed !== undefined) {
      const result = parts.redactJsonLine(parsed.value);
      for (const match of result.matches) matches.push({ ...match, line: lineNumber });
      truncated ||= result.truncated;
      out.push((result.matches.length > 0 || result.truncated ? JSON.stringify(result.value) : line) + carriage);
    } else {
      const result = parts.redactLine(line);
      for (const match of result.matches) matches.push({ ...match, line: lineNumber });
      truncated ||= result.truncated;
      out.push(result.text + carriage);
    }
  });
  if (truncated && input.length < text.length) out.push(TRUNCATED_MARKER);
  return { text: out.join("\n"), matches, truncated };
}

function parseJson(line: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(line) as unknown };
  } catch {
    return undefined;
  }
}
