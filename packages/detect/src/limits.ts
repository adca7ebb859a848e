/**
 * Hard limits. The sidecar and the ingest API run detection on every captured request, and that
 * input is hostile, so every cost is bounded and every limit fails closed: text that was not
 * scanned is dropped, never passed through.
 */

/**
 * Characters scanned per call (per string, and in total for one JSON value or NDJSON text).
 * Twice the ingest batch cap of 1 MiB, so nothing legitimate is ever cut; beyond it `redact*`
 * drop the rest behind a `[TRUNCATED]` marker and `scan` reports matches in the scanned part.
 */
export const MAX_INPUT_CHARS = 2 * 1024 * 1024;

/**
 * Matches listed per call. Redaction still covers every detected span; the cap only bounds the
 * size of the report (the rest is counted in `omittedMatches`).
 */
export const MAX_MATCHES = 1_000;

/** JSON nesting walked; a deeper container is replaced by `[TRUNCATED]`. Bounds recursion. */
export const MAX_JSON_DEPTH = 128;

/**
 * When input is cut at the size cap, the cut moves back to the last separator within this many
 * characters (or drops them all), so a token straddling the cut never leaves a readable half.
 */
export const TRUNCATION_BACKOFF_CHARS = 4_096;

export const TRUNCATED_MARKER = "[TRUNCATED]";
export const FAILED_MARKER = "[UNSCANNED]";
