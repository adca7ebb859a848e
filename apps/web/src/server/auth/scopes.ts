import { type Role, type Scope, SCOPES, scopesForRole } from "@bulwark/contracts";

const KNOWN = new Set<string>(SCOPES);

/** A key's stored scopes, cut down to what its creator's current role still allows. */
export function effectiveKeyScopes(keyScopes: readonly string[], creatorRole: Role): Scope[] {
  const allowed = new Set<string>(scopesForRole(creatorRole));
  return keyScopes.filter((scope): scope is Scope => KNOWN.has(scope) && allowed.has(scope));
}
