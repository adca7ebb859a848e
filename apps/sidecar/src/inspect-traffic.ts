import type { z } from "zod";
import type { DetectionHit } from "@bulwark/contracts";
import { isSecretKeyName, maskPreview, redact, redactJson } from "@bulwark/detect";

type Hit = z.infer<typeof DetectionHit>;

/** Bytes of a body that are scanned; the rest is counted, not read. */
export const MAX_SCAN_BYTES = 64 * 1024;
/** Characters of redacted body kept as an excerpt. */
export const MAX_EXCERPT_CHARS = 4096;
const MAX_HITS = 100;

function toHit(match: { type: "secret" | "pii"; kind: string; preview: string }, location: string): Hit {
  return { type: match.type, kind: match.kind, location: location.slice(0, 200), preview: match.preview.slice(0, 200) };
}

/**
 * Hits in headers. A header whose name says it is a credential (`authorization`, `cookie`,
 * `x-api-key`…) counts as a secret even when its value matches no known format.
 */
export function scanHeaders(headers: Record<string, string | string[] | undefined>, prefix: string): Hit[] {
  const hits: Hit[] = [];
  for (const [name, raw] of Object.entries(headers)) {
    if (raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.join(", ") : raw;
    const location = `${prefix}.${name.toLowerCase()}`;
    const { matches } = redact(`${name}: ${value}`);
    for (const match of matches) hits.push(toHit(match, location));
    if (matches.length === 0 && isSecretKeyName(name) && value.trim() !== "") {
      hits.push({ type: "secret", kind: "SECRET", location, preview: maskPreview(value) });
    }
  }
  return hits;
}

export interface BodyInspection {
  hits: Hit[];
  /** Redacted, at most MAX_EXCERPT_CHARS; absent for an empty body. */
  excerpt?: string;
}

function isTextual(contentType: string): boolean {
  return contentType === "" || /json|text|xml|x-www-form-urlencoded|javascript|graphql|ndjson/i.test(contentType);
}

/**
 * Hits and a redacted excerpt of the first MAX_SCAN_BYTES of a body. Compressed or binary bodies
 * are not scanned and get no excerpt (a raw excerpt could carry anything).
 */
export function inspectBody(
  body: Buffer,
  location: string,
  { contentType = "", contentEncoding = "", truncated = false }: { contentType?: string; contentEncoding?: string; truncated?: boolean } = {},
): BodyInspection {
  if (body.length === 0) return { hits: [] };
  if ((contentEncoding !== "" && contentEncoding !== "identity") || !isTextual(contentType)) return { hits: [] };
  const text = body.subarray(0, MAX_SCAN_BYTES).toString("utf8");

  if (/json/i.test(contentType) && !truncated) {
    try {
      const result = redactJson(JSON.parse(text) as unknown);
      if (!result.failed) {
        return {
          hits: result.matches.map((match) => toHit(match, `${location}${match.path}`)),
          excerpt: JSON.stringify(result.value).slice(0, MAX_EXCERPT_CHARS),
        };
      }
    } catch {
      // Not JSON after all: scanned as text below.
    }
  }
  const result = redact(text);
  if (result.failed) return { hits: [], excerpt: result.text };
  return { hits: result.matches.map((match) => toHit(match, location)), excerpt: result.text.slice(0, MAX_EXCERPT_CHARS) };
}

/** The request target with secrets in its path or query replaced by placeholders. */
export function redactPath(path: string): { path: string; hits: Hit[] } {
  const result = redact(path);
  if (result.failed) return { path: "/[UNSCANNED]", hits: [] };
  return { path: result.text.slice(0, 2048), hits: result.matches.map((match) => toHit(match, "request.url")) };
}

export function capHits(hits: Hit[]): Hit[] {
  return hits.slice(0, MAX_HITS);
}
