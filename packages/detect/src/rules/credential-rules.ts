import { type Rule } from "../types";
import { base64UrlDecode } from "../validators/base64url-decode";
import { hasDigit } from "../validators/character-classes";
import { shannonEntropy } from "../validators/shannon-entropy";
import { defineRule } from "./define-rule";
import { findPrivateKeyBlocks } from "./find-private-key-blocks";
import { genericAssignmentRules } from "./generic-assignment-rules";
import { isPlaceholder } from "./is-placeholder";

/** A JWS header is a JSON object naming its algorithm. */
function jwtHeaderValid(value: string): boolean {
  const header = base64UrlDecode(value.slice(0, value.indexOf(".")), 2048);
  return header !== null && /^\s*\{/.test(header) && header.includes('"alg"');
}

/** An opaque token, not a word: digits or mixed case, and some randomness. */
function tokenLike(value: string): boolean {
  return (hasDigit(value) || (/[a-z]/.test(value) && /[A-Z]/.test(value))) && shannonEntropy(value) >= 3;
}

/** Basic credentials are base64 of `user:password`. */
function basicCredentials(value: string): boolean {
  const decoded = base64UrlDecode(value, 4096);
  return decoded !== null && decoded.includes(":") && /^[\x20-\x7e\u00a0-\u00ff]+$/.test(decoded);
}

/** Formats that are secrets by structure, plus the name-based generic rules. */
export const credentialRules: readonly Rule[] = [
  defineRule({
    id: "private-key-block",
    type: "secret",
    kind: "PRIVATE_KEY",
    priority: 100,
    keywords: ["private key"],
    find: findPrivateKeyBlocks,
    description: "PEM, OpenSSH, PKCS#8 (encrypted too) and PGP private key blocks",
  }),
  defineRule({
    id: "jwt",
    type: "secret",
    kind: "JWT",
    priority: 80,
    keywords: ["eyj"],
    anchored: true,
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,1000}\.[A-Za-z0-9_-]{2,16000}\.[A-Za-z0-9_-]{0,2000}(?![A-Za-z0-9_-])/g,
    validate: jwtHeaderValid,
    description: "JSON Web Tokens: three base64url segments whose header decodes to JSON with alg",
  }),
  defineRule({
    id: "bearer-token",
    type: "secret",
    kind: "BEARER_TOKEN",
    priority: 60,
    keywords: ["bearer"],
    anchored: true,
    // No right boundary: a token longer than the bound is still redacted up to it.
    pattern: /(?<![A-Za-z0-9])bearer\s{1,5}(?<secret>[A-Za-z0-9._~+/-]{16,8192}={0,3})/gi,
    validate: tokenLike,
    description: "Bearer tokens in Authorization headers and curl commands",
  }),
  defineRule({
    id: "basic-auth-header",
    type: "secret",
    kind: "PASSWORD",
    priority: 60,
    keywords: ["authorization"],
    anchored: true,
    pattern: /authorization["']?\s{0,3}[:=]\s{0,3}["']?basic\s{1,5}(?<secret>[A-Za-z0-9+/]{4,4096}={0,2})(?![A-Za-z0-9+/=])/gi,
    validate: basicCredentials,
    description: "HTTP Basic credentials (base64 of user:password) in Authorization headers",
  }),
  defineRule({
    id: "password-in-url",
    type: "secret",
    kind: "PASSWORD",
    priority: 70,
    keywords: ["://"],
    anchored: true,
    // Brackets are excluded (they must be percent-encoded in userinfo), which also keeps an
    // already redacted `user:[PASSWORD]@host` from matching again.
    // Searched from the literal "://"; the scheme is checked by the lookbehind. The password may
    // hold `#`, which should be percent-encoded there but often is not; `?` may not, or
    // `http://host:3000?email=a@b.io` would read as a password.
    pattern: /(?<=(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,20}):\/\/[^\s:@/?#"'<>[\]]{0,128}:(?<secret>[^\s:@/?"'<>[\]]{1,128})@(?=[A-Za-z0-9.[-])/g,
    validate: (value) => !isPlaceholder(value),
    description: "Passwords in URLs (scheme://user:password@host); only the password is redacted",
  }),
  ...genericAssignmentRules,
];
