/**
 * The session cookie next-auth sets. Over https it carries the `__Secure-` prefix, which
 * browsers only accept from secure origins, so a network attacker cannot plant one.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Secure-authjs.session-token" : "authjs.session-token";
}

/** The claims Bulwark puts in its session JWT, beyond next-auth's own. */
export interface SessionClaims {
  sub?: string;
  /** The organization the user is working in; switched by the organization switcher. */
  orgId?: string;
}
