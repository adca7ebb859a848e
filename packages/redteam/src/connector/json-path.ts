/** One step: a property name or an array index. */
export type JsonPathSegment = string | number;

const MAX_PATH_LENGTH = 256;
const MAX_SEGMENTS = 32;
const DOT_NAME = /^\.([A-Za-z_][A-Za-z0-9_-]*)/;
const QUOTED_NAME = /^\[(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\]/;
const INDEX = /^\[(0|[1-9][0-9]{0,5})\]/;

export class JsonPathError extends Error {
  override readonly name = "JsonPathError";
}

/**
 * A deliberately tiny JSONPath: `$`, `.name`, `['name']` and `[index]`. Each path picks exactly
 * one value, so a mapping can never fan out, filter or recurse; anything richer is refused when
 * the connector is configured, not discovered at run time.
 */
export function parseJsonPath(path: string): JsonPathSegment[] {
  if (path.length > MAX_PATH_LENGTH) throw new JsonPathError(`a path is at most ${MAX_PATH_LENGTH} characters`);
  if (!path.startsWith("$")) throw new JsonPathError("a path starts with $");
  const segments: JsonPathSegment[] = [];
  let rest = path.slice(1);
  while (rest !== "") {
    const dot = DOT_NAME.exec(rest);
    const quoted = dot ? null : QUOTED_NAME.exec(rest);
    const index = dot || quoted ? null : INDEX.exec(rest);
    const match = dot ?? quoted ?? index;
    if (!match) throw new JsonPathError(`unsupported path syntax at "${rest.slice(0, 20)}"; use .name, ['name'] or [index]`);
    if (dot) segments.push(dot[1] ?? "");
    else if (quoted) segments.push((quoted[1] ?? quoted[2] ?? "").replace(/\\(.)/g, "$1"));
    else segments.push(Number(index?.[1]));
    rest = rest.slice(match[0].length);
    if (segments.length > MAX_SEGMENTS) throw new JsonPathError(`a path has at most ${MAX_SEGMENTS} steps`);
  }
  return segments;
}

export function isValidJsonPath(path: string): boolean {
  try {
    parseJsonPath(path);
    return true;
  } catch {
    return false;
  }
}

/** The value at `path`, or undefined when any step is missing. Only own properties are read. */
export function evaluateJsonPath(root: unknown, path: string | readonly JsonPathSegment[]): unknown {
  const segments = typeof path === "string" ? parseJsonPath(path) : path;
  let value = root;
  for (const segment of segments) {
    if (typeof segment === "number") {
      if (!Array.isArray(value) || segment >= value.length) return undefined;
      value = value[segment] as unknown;
    } else {
      // Own properties only: `$.constructor` or `$.__proto__` must not reach the prototype chain.
      if (value === null || typeof value !== "object" || Array.isArray(value) || !Object.hasOwn(value, segment)) return undefined;
      value = (value as Record<string, unknown>)[segment];
    }
  }
  return value;
}
