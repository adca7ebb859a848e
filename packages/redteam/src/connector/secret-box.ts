import crypto from "node:crypto";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
// The version is authenticated too, so a v1 payload can never be replayed under a later format.
const AAD = Buffer.from(`bulwark:secret:${VERSION}`);

export class SecretError extends Error {
  override readonly name = "SecretError";
}

function assertKey(key: Uint8Array): void {
  if (key.length !== KEY_BYTES) throw new SecretError(`the secret key must be ${KEY_BYTES} bytes`);
}

/**
 * Encrypts a header value for storage: `v1:` + base64url(IV ‖ ciphertext ‖ tag), AES-256-GCM
 * with a random 96-bit IV. A fresh IV per call means the same value sealed twice never repeats.
 */
export function sealSecret(plaintext: string, key: Uint8Array): string {
  assertKey(key);
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(AAD);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString("base64url")}`;
}

/** Decrypts a sealed value; any tampering or a wrong key throws, never returns garbage. */
export function openSecret(sealed: string, key: Uint8Array): string {
  assertKey(key);
  const prefix = `${VERSION}:`;
  const encoded = sealed.startsWith(prefix) ? sealed.slice(prefix.length) : undefined;
  if (encoded === undefined || !/^[A-Za-z0-9_-]*$/.test(encoded)) throw new SecretError("not a sealed v1 secret");
  const raw = Buffer.from(encoded, "base64url");
  if (raw.length < IV_BYTES + TAG_BYTES) throw new SecretError("the sealed secret is truncated");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(AAD);
  decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretError("the sealed secret cannot be opened (wrong key or tampered)");
  }
}

/** True when `value` has the sealed shape; says nothing about whether it opens. */
export function isSealedSecret(value: string): boolean {
  return /^v1:[A-Za-z0-9_-]+$/.test(value);
}
