export const REDACTED = "[REDACTED]";

/**
 * Member names whose values are secret, matched anywhere in the name and in any case
 * (`newPassword`, `X-Api-Key`, `tokenHash`). Errs towards redacting: `keyPrefix` or `monkey`
 * losing their value in a preview costs nothing, a leaked secret costs everything.
 */
const SECRET_NAME = /pass(?:word|wd|phrase)|secret|token|key|authorization|cookie|hash|credential|signature/i;

/**
 * Values that look like credentials wherever they sit in a string, whatever the member is called.
 * The long-run rule catches random keys, hashes and base64 blobs of unknown formats (it also takes
 * long URL paths with it, an accepted cost); ids like `org_…` are 30 characters and pass.
 */
const CREDENTIAL_VALUE = [
  /\b(?:bwk|bws)_[A-Za-z0-9]/, // Bulwark API keys and sidecar secrets
  /\bsk-[A-Za-z0-9]/, // OpenAI, Anthropic
  /\bgh[pousr]_[A-Za-z0-9]|\bgithub_pat_/, // GitHub tokens
  /\bxox[abprs]-/, // Slack
  /\bAKIA[0-9A-Z]{16}\b/, // AWS access key ids
  /\b(?:Bearer|Basic|Token)\s+\S/i, // Authorization header values
  /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/, // JWTs
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /:\/\/[^/\s:@]+:[^/\s@]+@/, // user:password@ in a URL
  /[A-Za-z0-9+/=_-]{32,}/,
];

/** True when a string value should never be stored, whatever its member is called. */
export function looksLikeCredential(value: string): boolean {
  return CREDENTIAL_VALUE.some((pattern) => pattern.test(value));
}

/**
 * A copy of `params` fit for a stored preview: values under secret-sounding names, and strings
 * (member names included) that look like credentials, become "[REDACTED]". Objects with `toJSON`
 * (Date, Decimal) are redacted in their JSON form, so nothing reaches the serialiser unredacted.
 * Anything else passes through; `canonicalJson` rejects what JSON cannot express.
 */
export function redactParams(params: unknown): unknown {
  return redact(params, new Set());
}

function redact(value: unknown, ancestors: Set<object>): unknown {
  if (typeof value === "string") return looksLikeCredential(value) ? REDACTED : value;
  if (typeof value !== "object" || value === null) return value;
  // Left as is: canonicalJson reports the cycle.
  if (ancestors.has(value)) return value;

  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === "function") return redact(toJSON.call(value), ancestors);

  ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => redact(item, ancestors));
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    // No prototype: a "__proto__" member stays a member instead of becoming one.
    const out: Record<string, unknown> = Object.create(null);
    for (const [key, item] of Object.entries(value)) {
      const name = looksLikeCredential(key) ? REDACTED : key;
      out[name] = SECRET_NAME.test(key) && item !== undefined ? REDACTED : redact(item, ancestors);
    }
    return out;
  } finally {
    ancestors.delete(value);
  }
}
