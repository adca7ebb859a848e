import { createHmac, timingSafeEqual } from "node:crypto";
import { createCanaries, type RandomBytes, type Scenario, type Variant } from "@bulwark/redteam";

/**
 * The per-attack material both the worker and the web app need to agree on without storing
 * it: canary values and signed setup-document URLs. Both derive from a platform key (from
 * AUTH_SECRET), so a resumed run plants the same canaries, the document route can render what
 * the worker referenced, and nobody outside can predict either.
 */

/** An HMAC-SHA256 stream (counter mode): deterministic, unpredictable without the key. */
function keyedStream(key: Uint8Array, label: string): RandomBytes {
  let counter = 0;
  let buffer = Buffer.alloc(0);
  return (size) => {
    while (buffer.length < size) {
      const block = createHmac("sha256", key).update(`${label}\u0000${counter++}`).digest();
      buffer = Buffer.concat([buffer, block]);
    }
    const out = buffer.subarray(0, size);
    buffer = buffer.subarray(size);
    return new Uint8Array(out);
  };
}

export function attackCanaries(key: Uint8Array, runId: string, scenario: Scenario, variant: Variant): Record<string, string> {
  return createCanaries(scenario.setup.canaries, keyedStream(key, `canary:${runId}:${scenario.key}:${scenario.version}:${variant}`));
}

function documentSignature(key: Uint8Array, runId: string, scenarioKey: string, version: number, variant: string, name: string): string {
  return createHmac("sha256", key).update(`document:${runId}:${scenarioKey}:${version}:${variant}:${name}`).digest("base64url");
}

/** Where the platform serves one attack's setup document (GET /api/v1/runs/{id}/documents/{name}). */
export function documentUrl(publicUrl: string, key: Uint8Array, runId: string, scenario: Scenario, variant: Variant, name: string): string {
  const url = new URL(`/api/v1/runs/${runId}/documents/${encodeURIComponent(name)}`, publicUrl);
  url.searchParams.set("scenario", scenario.key);
  url.searchParams.set("version", String(scenario.version));
  url.searchParams.set("variant", variant);
  url.searchParams.set("sig", documentSignature(key, runId, scenario.key, scenario.version, variant, name));
  return url.toString();
}

/** Constant-time check of a document URL's signature. */
export function documentSignatureValid(
  key: Uint8Array,
  doc: { runId: string; scenarioKey: string; version: number; variant: string; name: string; sig: string },
): boolean {
  const expected = Buffer.from(documentSignature(key, doc.runId, doc.scenarioKey, doc.version, doc.variant, doc.name));
  const presented = Buffer.from(doc.sig);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}
