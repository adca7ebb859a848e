import type { Role, Scope } from "@bulwark/contracts";

/** Who performs an action, as the audit log records it. */
export type Actor =
  | { type: "user"; userId: string }
  | { type: "api_key"; apiKeyId: string; userId: string }
  | { type: "system" }
  | { type: "anonymous" };

/** An authenticated caller acting inside one organization. */
export interface Principal {
  actor: Extract<Actor, { type: "user" } | { type: "api_key" }>;
  /** The organization every query of this request is scoped to. */
  orgId: string;
  /** The user's role in that org (for an API key: its creator's current role). */
  role: Role;
  /** Effective scopes: the role's, or for a key the intersection of its scopes and its creator's. */
  scopes: readonly Scope[];
  isPlatformAdmin: boolean;
  /** How the caller authenticated; cookie sessions need cross-site request checks. */
  via: "session" | "api_key";
}

/** A signed-in dashboard user, with the organization they are working in if they have one. */
export interface SessionUser {
  userId: string;
  isPlatformAdmin: boolean;
  activeOrg: { orgId: string; role: Role } | null;
}

/** What user-level services receive (operations that need a person, not an organization). */
export interface UserContext {
  userId: string;
  isPlatformAdmin: boolean;
  /** The active organization, when the user has one. */
  orgId: string | null;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

/** What services receive: the tenant, the actor and the request facts the audit log keeps. */
export interface ServiceContext {
  orgId: string;
  actor: Principal["actor"];
  role: Role;
  scopes: readonly Scope[];
  isPlatformAdmin: boolean;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}
