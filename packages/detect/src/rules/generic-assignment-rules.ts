import { type Rule } from "../types";
import { assignmentRule, generatedSecretLike, passwordLike } from "./assignment-rule";

/**
 * Secrets of no known format, found by the name they are assigned to. The lowest priority: any
 * vendor rule that recognises the value wins, and reports its more precise kind.
 */
export const genericAssignmentRules: readonly Rule[] = [
  assignmentRule({
    id: "password-assignment",
    kind: "PASSWORD",
    keys: "password|passwd|passphrase|pwd",
    keywords: ["pass", "pwd"],
    accept: passwordLike,
    description: "Passwords assigned in code, config and query strings (password = …)",
  }),
  assignmentRule({
    id: "secret-assignment",
    kind: "SECRET",
    keys: "secret",
    keywords: ["secret"],
    accept: generatedSecretLike,
    description: "High-entropy values assigned to a *secret* name (client_secret: …)",
  }),
  assignmentRule({
    id: "token-assignment",
    kind: "TOKEN",
    keys: "token",
    keywords: ["token"],
    accept: generatedSecretLike,
    description: "High-entropy values assigned to a *token* name (access_token=…)",
  }),
  assignmentRule({
    id: "api-key-assignment",
    kind: "API_KEY",
    keys: "api[_-]?key|access[_-]?key|auth[_-]?key|app[_-]?key|private[_-]?key|signing[_-]?key|encryption[_-]?key",
    keywords: ["apikey", "api_key", "api-key", "accesskey", "access_key", "access-key", "authkey", "auth_key", "auth-key", "appkey", "app_key", "app-key", "privatekey", "private_key", "private-key", "signingkey", "signing_key", "signing-key", "encryptionkey", "encryption_key", "encryption-key"],
    accept: generatedSecretLike,
    description: "High-entropy values assigned to an *api key* name (x-api-key: …)",
  }),
];
