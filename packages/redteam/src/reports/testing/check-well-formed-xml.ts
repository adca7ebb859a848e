/**
 * A strict well-formedness check for the XML our JUnit renderer writes (no parser ships in this
 * repository): one root, balanced and properly nested tags, quoted unique attributes, only the
 * five predefined entities and numeric references, no raw `<` or `&`, and only characters XML
 * 1.0 allows. Returns the first problem, or null. Not a general parser: no DTDs, no CDATA, no
 * processing instructions beyond the declaration (we write none).
 */
export function checkWellFormedXml(xml: string): string | null {
  const badChar = /[^\t\n\r\u0020-\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.exec(xml);
  if (badChar) return `character U+${badChar[0].charCodeAt(0).toString(16)} not allowed at ${badChar.index}`;

  let at = 0;
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>/.exec(xml);
  if (declaration) at = declaration[0].length;
  const stack: string[] = [];
  let roots = 0;
  const NAME = "[A-Za-z_:][A-Za-z0-9._:-]*";
  const TAG = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`);

  while (at < xml.length) {
    const next = xml.indexOf("<", at);
    const textEnd = next === -1 ? xml.length : next;
    const problem = checkText(xml.slice(at, textEnd), stack.length > 0);
    if (problem) return `${problem} at ${at}`;
    if (next === -1) break;
    if (xml.startsWith("<!--", next)) {
      const end = xml.indexOf("-->", next + 4);
      if (end === -1 || xml.slice(next + 4, end).includes("--")) return `bad comment at ${next}`;
      at = end + 3;
      continue;
    }
    const tag = TAG.exec(xml.slice(next));
    if (!tag) return `malformed tag at ${next}`;
    const [whole, closing, name, attributes, selfClosing] = tag;
    if (closing) {
      if (attributes || selfClosing) return `malformed end tag at ${next}`;
      if (stack.pop() !== name) return `unbalanced </${name}> at ${next}`;
    } else {
      const attributeProblem = checkAttributes(attributes!);
      if (attributeProblem) return `${attributeProblem} in <${name}> at ${next}`;
      if (stack.length === 0 && ++roots > 1) return `second root <${name}> at ${next}`;
      if (!selfClosing) stack.push(name!);
    }
    at = next + whole.length;
  }
  if (stack.length > 0) return `unclosed <${stack.at(-1)}>`;
  return roots === 1 ? null : "no root element";
}

const REFERENCE = /&(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/y;

function checkText(text: string, insideRoot: boolean): string | null {
  if (!insideRoot && text.trim() !== "") return "text outside the root";
  if (text.includes("]]>")) return "]]> in text";
  return checkReferences(text);
}

function checkAttributes(attributes: string): string | null {
  const seen = new Set<string>();
  for (const match of attributes.matchAll(/([A-Za-z_:][A-Za-z0-9._:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    if (seen.has(match[1]!)) return `duplicate attribute ${match[1]}`;
    seen.add(match[1]!);
    const problem = checkReferences(match[2] ?? match[3] ?? "");
    if (problem) return problem;
  }
  return null;
}

function checkReferences(text: string): string | null {
  for (let at = text.indexOf("&"); at !== -1; at = text.indexOf("&", at + 1)) {
    REFERENCE.lastIndex = at;
    const reference = REFERENCE.exec(text);
    if (!reference) return "raw & (not a reference)";
    const numeric = /^&#(x?)([0-9a-fA-F]+);$/.exec(reference[0]);
    if (numeric) {
      const code = parseInt(numeric[2]!, numeric[1] ? 16 : 10);
      const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
      if (!allowed) return `reference to a character XML forbids (${reference[0]})`;
    }
  }
  return null;
}
