import { createDetector } from "./engine/create-detector";

export { createDetector, type Detector, type ScanOptions } from "./engine/create-detector";
export { maskPreview } from "./engine/mask-preview";
export { ALL_RULES } from "./rules/catalog";
export { MAX_INPUT_CHARS, MAX_MATCHES, MAX_JSON_DEPTH, TRUNCATED_MARKER, FAILED_MARKER } from "./limits";
export { isSecretKeyName } from "./redaction/is-secret-key-name";
export { luhnValid } from "./validators/luhn";
export { ibanValid } from "./validators/iban-checksum";
export { ssnValid } from "./validators/ssn-valid";
export { shannonEntropy } from "./validators/shannon-entropy";
export type * from "./types";

const defaultDetector = createDetector();

/** Secrets and personal data in `text`, with masked previews. */
export const scan = defaultDetector.scan;
/** `text` with every match replaced by its `[KIND]` placeholder. */
export const redact = defaultDetector.redact;
/** A JSON value with its string values redacted (numbers never), matches carrying JSON paths. */
export const redactJson = defaultDetector.redactJson;
/** NDJSON, line by line: JSON lines as JSON, anything else as text. */
export const redactNdjson = defaultDetector.redactNdjson;
