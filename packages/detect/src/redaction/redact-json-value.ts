import { MAX_JSON_DEPTH, TRUNCATED_MARKER } from "../limits";
import { type JsonMatch, type JsonValue, type Match } from "../types";
import { maskPreview } from "../engine/mask-preview";
import { formatJsonPath } from "./format-json-path";
import { isSecretKeyName } from "./is-secret-key-name";

export interface StringRedaction {
  text: string;
  matches: Match[];
  truncated: boolean;
}

/** State shared across one walk: the character budget is for the whole value, not per string. */
export interface JsonWalk {
  redactString: (value: string, budget: number) => StringRedaction;
  budget: number;
  matches: JsonMatch[];
  truncated: boolean;
}

const OMIT = Symbol("omit");
const SECRET_PLACEHOLDER = "[SECRET]";

/**
 * Redacts string values only. Numbers, booleans and null pass through untouched (a millisecond
 * timestamp is never taken for a card number), member names are kept, and every string under a
 * secret-looking name (`password`, `x-api-key`, `authorization`…, or the `value` of a
 * `{ name: "Authorization", value }` header pair) becomes `[SECRET]` whole. Values JSON cannot
 * hold follow `JSON.stringify` (`toJSON` is used; functions and undefined are dropped, or null in
 * arrays; bigint becomes its decimal string), cycles become "[CIRCULAR]", and containers deeper
 * than MAX_JSON_DEPTH become "[TRUNCATED]", so the result is always valid JSON.
 */
export function redactJsonValue(value: unknown, walk: JsonWalk): JsonValue {
  const out = visit(value, [], 0, false, walk, new Set());
  return out === OMIT ? null : out;
}

function visit(
  value: unknown,
  path: (string | number)[],
  depth: number,
  underSecretKey: boolean,
  walk: JsonWalk,
  ancestors: Set<object>,
): JsonValue | typeof OMIT {
  switch (typeof value) {
    case "string":
      return visitString(value, path, underSecretKey, walk);
    case "number":
    case "boolean":
      return value;
    case "bigint":
      return value.toString();
    case "undefined":
    case "function":
    case "symbol":
      return OMIT;
  }
  if (value === null) return null;
  const object = value as object;
  if (depth >= MAX_JSON_DEPTH) {
    walk.truncated = true;
    return TRUNCATED_MARKER;
  }
  if (ancestors.has(object)) return "[CIRCULAR]";
  const toJSON = (object as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === "function") return visit(toJSON.call(object), path, depth + 1, underSecretKey, walk, ancestors);

  ancestors.add(object);
  try {
    if (Array.isArray(object)) {
      const items: JsonValue[] = [];
      for (let index = 0; index < object.length; index++) {
        path.push(index);
        const item = visit(object[index], path, depth + 1, underSecretKey, walk, ancestors);
        path.pop();
        items.push(item === OMIT ? null : item);
      }
      return items;
    }
    const record = object as Record<string, unknown>;
    const pairName = typeof record.name === "string" ? record.name : typeof record.key === "string" ? record.key : undefined;
    const secretPair = pairName !== undefined && isSecretKeyName(pairName);
    const result: Record<string, JsonValue> = {};
    for (const key of Object.keys(record)) {
      path.push(key);
      const secret = underSecretKey || isSecretKeyName(key) || (secretPair && key === "value");
      const item = visit(record[key], path, depth + 1, secret, walk, ancestors);
      path.pop();
      if (item === OMIT) continue;
      // A "__proto__" member from JSON.parse is data; assignment would set the prototype instead
      // (and defining every member that way would double the cost of the walk).
      if (key === "__proto__") Object.defineProperty(result, key, { value: item, enumerable: true, writable: true, configurable: true });
      else result[key] = item;
    }
    return result;
  } finally {
    ancestors.delete(object);
  }
}

function visitString(value: string, path: (string | number)[], underSecretKey: boolean, walk: JsonWalk): string {
  if (underSecretKey && value.length > 0) {
    walk.matches.push({
      type: "secret",
      kind: "SECRET",
      ruleId: "json-secret-key",
      start: 0,
      end: value.length,
      preview: maskPreview(value),
      path: formatJsonPath(path),
    });
    return SECRET_PLACEHOLDER;
  }
  if (walk.budget <= 0 && value.length > 0) {
    walk.truncated = true;
    return TRUNCATED_MARKER;
  }
  const redacted = walk.redactString(value, walk.budget);
  walk.budget -= value.length;
  if (redacted.truncated) walk.truncated = true;
  if (redacted.matches.length > 0) {
    const jsonPath = formatJsonPath(path);
    for (const match of redacted.matches) walk.matches.push({ ...match, path: jsonPath });
  }
  return redacted.text;
}
