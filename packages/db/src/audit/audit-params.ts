import { createHash } from "node:crypto";
import { canonicalJson } from "@bulwark/contracts";
import { redactParams } from "./redact-params";

export const PARAMS_PREVIEW_MAX = 200;

export interface AuditParams {
  paramsHash: string | null;
  paramsPreview: string | null;
}

/**
 * What an audit row keeps of a mutation's parameters: a SHA-256 of their canonical JSON and a
 * preview of at most 200 characters of it.
 *
 * Both are taken AFTER redaction. An unsalted hash of raw parameters would let anyone who can
 * read the table confirm guesses of a low-entropy secret offline (`{"email":…,"password":…}` is a
 * dictionary attack away), and that reader is exactly the attacker this log is built for. The
 * hash still tells apart any two calls that differ in a non-secret value.
 */
export function auditParams(params: unknown): AuditParams {
  if (params === undefined) return { paramsHash: null, paramsPreview: null };
  const json = canonicalJson(redactParams(params));
  return {
    paramsHash: createHash("sha256").update(json, "utf8").digest("hex"),
    paramsPreview: truncate(json, PARAMS_PREVIEW_MAX),
  };
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  // Never split a surrogate pair: the lone half would be stored as U+FFFD and the row's hash,
  // taken over the string as written, would no longer match what PostgreSQL gives back.
  if (isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
