/**
 * The scenario template language: `{{canary.NAME}}`, `{{document.NAME.url}}`, `{{exfil_url}}` and
 * `{{admin_url}}`, nothing else. Kept this small on purpose: templates come from customers too, and
 * every value they can reach is one the run itself chose.
 */
export type TemplateVariable =
  | { kind: "canary"; name: string }
  | { kind: "document_url"; name: string }
  | { kind: "exfil_url" }
  | { kind: "admin_url" };

export interface TemplatePlaceholder {
  /** The placeholder as written, braces included. */
  raw: string;
  /** Undefined when the expression is not one of the four forms. */
  variable?: TemplateVariable;
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
// Same shape as CanarySpec/DocumentSpec names in schema.ts.
const NAME = "[a-z][a-z0-9_]{0,39}";
const CANARY = new RegExp(`^canary\\.(${NAME})$`);
const DOCUMENT_URL = new RegExp(`^document\\.(${NAME})\\.url$`);

function parseVariable(expression: string): TemplateVariable | undefined {
  if (expression === "exfil_url") return { kind: "exfil_url" };
  if (expression === "admin_url") return { kind: "admin_url" };
  const canary = CANARY.exec(expression)?.[1];
  if (canary) return { kind: "canary", name: canary };
  const document = DOCUMENT_URL.exec(expression)?.[1];
  if (document) return { kind: "document_url", name: document };
  return undefined;
}

export function templatePlaceholders(text: string): TemplatePlaceholder[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => ({ raw: match[0], variable: parseVariable(match[1] ?? "") }));
}

/**
 * True when `{{` survives outside a well-formed placeholder (`{{exfil_url}` and the like): such a
 * typo would otherwise be sent to the agent literally and the attack would silently not work.
 */
export function hasStrayBraces(text: string): boolean {
  return text.replace(PLACEHOLDER, "").includes("{{");
}

/** Replaces every placeholder with `resolve(variable)`; an unknown expression throws. */
export function fillTemplate(text: string, resolve: (variable: TemplateVariable) => string): string {
  if (hasStrayBraces(text)) throw new Error("Template has an unclosed or malformed {{ placeholder");
  return text.replace(PLACEHOLDER, (raw: string, expression: string) => {
    const variable = parseVariable(expression);
    if (!variable) throw new Error(`Unknown template variable ${raw}`);
    return resolve(variable);
  });
}
