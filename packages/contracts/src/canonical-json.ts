/**
 * One byte-exact JSON text per value, so a hash over it means the same thing on every machine
 * and in every release: object keys sorted by UTF-16 code units (as RFC 8785), no whitespace,
 * numbers and strings as `JSON.stringify` writes them (ECMAScript's shortest round-trip form).
 *
 * Stricter than `JSON.stringify` wherever it would silently lose or invent information, because
 * two different values must never serialise alike: NaN and Infinity, functions, symbols, cycles
 * and non-plain objects (Map, Set, class instances without `toJSON`) throw. `undefined` object
 * members are omitted and `undefined` array slots are null, as in JSON. A bigint is written as a
 * JSON integer, exact at any size. Strings are not Unicode-normalised: different code points are
 * different values, and lone surrogates are escaped (`\udxxx`) as `JSON.stringify` does.
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

function write(value: unknown, ancestors: Set<object>): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`);
      return JSON.stringify(value);
    case "bigint":
      return value.toString();
    case "object":
      return value === null ? "null" : writeObject(value, ancestors);
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
  }
}

function writeObject(value: object, ancestors: Set<object>): string {
  if (ancestors.has(value)) throw new TypeError("canonicalJson: circular structure");
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === "function") return write(toJSON.call(value), ancestors);

  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      return `[${value.map((item) => (item === undefined ? "null" : write(item, ancestors))).join(",")}]`;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError(`canonicalJson: ${value.constructor?.name ?? "object"} is not a plain object`);
    }
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .sort()
      .filter((key) => record[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${write(record[key], ancestors)}`);
    return `{${members.join(",")}}`;
  } finally {
    ancestors.delete(value);
  }
}
