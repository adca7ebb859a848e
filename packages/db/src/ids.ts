import { randomBytes } from "node:crypto";

/**
 * Every id carries a prefix naming its kind, so a stray id explains itself (`run_…` in a log
 * line is a run). The body is time-ordered like a ULID: 48 bits of milliseconds, then 80 random
 * bits, in lowercase Crockford base32. Sorting ids sorts by creation time, which keeps cursor
 * pagination on the primary key stable.
 */
export const ID_PREFIXES = {
  user: "usr",
  account: "acc",
  emailToken: "etk",
  org: "org",
  membership: "mem",
  invitation: "inv",
  allowlist: "alw",
  apiKey: "key",
  project: "prj",
  sidecarToken: "sct",
  run: "run",
  turn: "trn",
  finding: "fnd",
  storyStep: "sty",
  evidence: "evd",
  report: "rpt",
  audit: "aud",
  auditCheckpoint: "ack",
  quota: "quo",
  usage: "use",
  scenario: "scn",
  abort: "abt",
  request: "req",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

function encodeBase32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

export function newId(kind: IdKind, now: number = Date.now()): string {
  const bytes = new Uint8Array(16);
  // 48-bit big-endian millisecond timestamp; the remaining 10 bytes are random.
  let t = now;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = t % 256;
    t = Math.floor(t / 256);
  }
  bytes.set(randomBytes(10), 6);
  return `${ID_PREFIXES[kind]}_${encodeBase32(bytes)}`;
}

const ID_BODY = /^[0-9a-hjkmnp-tv-z]{26}$/;

/** True when `value` looks like an id of `kind`. Used to reject junk before it reaches SQL. */
export function isId(kind: IdKind, value: string): boolean {
  const prefix = `${ID_PREFIXES[kind]}_`;
  return value.startsWith(prefix) && ID_BODY.test(value.slice(prefix.length));
}
