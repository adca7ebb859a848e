/** Last words that name a secret: `DB_PASSWORD`, `refreshToken`, `Authorization`, `Set-Cookie`. */
const SECRET_WORDS = new Set([
  "password", "passwd", "passphrase", "pwd", "secret", "secrets", "token", "authorization", "auth",
  "credential", "credentials", "cookie", "cookies", "apikey", "privatekey", "secretkey", "accesskey",
]);

/** Last two words, joined, that name a secret: `x-api-key`, `client_secret`, `sessionId`. */
const SECRET_PAIRS = new Set([
  "apikey", "accesskey", "privatekey", "secretkey", "signingkey", "encryptionkey", "masterkey",
  "clientsecret", "sessionid", "sessiontoken", "connectionstring",
]);

/** Splits `xApiKey`, `X-API-Key`, `api_key` and `APIKey` alike into lowercase words. */
function words(key: string): string[] {
  return key
    .slice(0, 128)
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * Whether a JSON member name says its value is a secret. Judged on the *last* words, so
 * `token_type`, `max_tokens`, `secretName` and `password_policy` (values about a secret, or
 * counts) keep their value, while `access_token` and `x-api-key` lose it.
 */
export function isSecretKeyName(key: string): boolean {
  const known = verdicts.get(key);
  if (known !== undefined) return known;
  const verdict = judge(key);
  // JSON repeats the same member names endlessly; a bounded memo keeps them O(1).
  if (verdicts.size >= MEMO_LIMIT) verdicts.clear();
  verdicts.set(key, verdict);
  return verdict;
}

const MEMO_LIMIT = 10_000;
const verdicts = new Map<string, boolean>();

function judge(key: string): boolean {
  const parts = words(key);
  const last = parts[parts.length - 1];
  if (last === undefined) return false;
  if (SECRET_WORDS.has(last)) return true;
  const pair = parts.length >= 2 ? `${parts[parts.length - 2]}${last}` : "";
  return SECRET_PAIRS.has(pair);
}
