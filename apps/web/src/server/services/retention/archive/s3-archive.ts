import { type AwsCredentials, sha256Hex, signAwsV4 } from "./sign-aws-v4";
import { type ArchiveStore, assertArchiveKey } from "./archive-store";

/** How long one PUT may take before retention gives up (and deletes nothing it covers). */
const PUT_TIMEOUT_MS = 60_000;

/**
 * Archives into an S3-compatible bucket, addressed path-style: `bucketUrl` is
 * https://s3.example.com/bucket (a prefix after the bucket is kept). Objects are PUT with a
 * SigV4 signature over the body's SHA-256, so the store rejects a body altered in transit.
 */
export function s3Archive(bucketUrl: string, credentials: AwsCredentials): ArchiveStore {
  const base = new URL(bucketUrl);
  const prefix = base.pathname.replace(/\/+$/, "");
  return {
    target: `s3:${base.origin}${prefix}`,
    async put(key, body, contentType) {
      assertArchiveKey(key);
      const url = new URL(`${prefix}/${key}`, base.origin);
      const bytes = Buffer.from(body, "utf8");
      const headers = signAwsV4(
        { method: "PUT", url, payloadHash: sha256Hex(bytes), headers: { "content-type": contentType } },
        credentials,
      );
      delete headers.host; // fetch sets it, from the same URL
      const response = await fetch(url, { method: "PUT", headers, body: bytes, signal: AbortSignal.timeout(PUT_TIMEOUT_MS) });
      if (!response.ok) {
        const detail = (await response.text().catch(() => "")).slice(0, 300);
        throw new Error(`archive PUT ${key} answered ${response.status}${detail ? `: ${detail}` : ""}`);
      }
      await response.body?.cancel().catch(() => undefined);
    },
  };
}
