export const TEMPLATE_PLACEHOLDERS = ["message", "session_id", "history", "run_id", "turn_id"] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

export interface HistoryMessage {
  role: "user" | "assistant";
  content: string;
}

export interface TemplateValues {
  message: string;
  session_id: string;
  history: HistoryMessage[];
  run_id: string;
  turn_id: string;
}

export class BodyTemplateError extends Error {
  override readonly name = "BodyTemplateError";
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_]+)\s*\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{\s*([A-Za-z_]+)\s*\}\}$/;

function isPlaceholder(name: string): name is TemplatePlaceholder {
  return (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name);
}

/**
 * Bare placeholders (`{"message": {{message}}}`) are not JSON; quote them so the template parses.
 * A quoted placeholder that is the whole string is then replaced by the value itself, so bare
 * and quoted placeholders behave the same.
 */
function quoteBarePlaceholders(template: string): string {
  const bare = new RegExp(PLACEHOLDER.source, "y");
  let out = "";
  let inString = false;
  for (let i = 0; i < template.length; i++) {
    const ch = template[i] ?? "";
    if (inString) {
      out += ch;
      if (ch === "\\") out += template[++i] ?? "";
      else if (ch === '"') inString = false;
      continue;
    }
    bare.lastIndex = i;
    const match = bare.exec(template);
    if (match) {
      out += JSON.stringify(`{{${match[1]}}}`);
      i += match[0].length - 1;
      continue;
    }
    if (ch === '"') inString = true;
    out += ch;
  }
  return out;
}

/** The template as a JSON tree with placeholders still in it; throws on invalid JSON or unknown names. */
export function parseBodyTemplate(template: string): unknown {
  let tree: unknown;
  try {
    tree = JSON.parse(quoteBarePlaceholders(template));
  } catch {
    throw new BodyTemplateError("the body template is not valid JSON (placeholders may stand alone or inside strings)");
  }
  for (const match of JSON.stringify(tree).matchAll(PLACEHOLDER)) {
    const name = match[1] ?? "";
    if (!isPlaceholder(name)) {
      throw new BodyTemplateError(`unknown placeholder {{${name}}}; use ${TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ")}`);
    }
  }
  return tree;
}

function substitute(node: unknown, values: TemplateValues): unknown {
  if (typeof node === "string") {
    const whole = WHOLE_PLACEHOLDER.exec(node);
    if (whole && isPlaceholder(whole[1] ?? "")) return values[whole[1] as TemplatePlaceholder];
    // One pass over the template's own text: a value that itself contains "{{session_id}}" is
    // inserted as is and never scanned again.
    return node.replace(PLACEHOLDER, (text, name: string) => {
      if (!isPlaceholder(name)) return text;
      const value = values[name];
      return typeof value === "string" ? value : JSON.stringify(value);
    });
  }
  if (Array.isArray(node)) return node.map((item) => substitute(item, values));
  if (node !== null && typeof node === "object") {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, substitute(value, values)]));
  }
  return node;
}

/**
 * The request body for one turn. Values are placed into the parsed JSON tree and the result is
 * serialised, so quotes, newlines or braces in an attack message can never break out of their
 * field or inject structure.
 */
export function renderBodyTemplate(template: string, values: TemplateValues): string {
  return JSON.stringify(substitute(parseBodyTemplate(template), values));
}
