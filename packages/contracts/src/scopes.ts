import { z } from "zod";

/** Every permission in the product. API keys carry a subset; roles map to fixed sets. */
export const SCOPES = [
  "projects:read",
  "projects:write",
  "runs:read",
  "runs:write",
  "runs:kill",
  "findings:read",
  "findings:write",
  "members:read",
  "members:manage",
  "keys:manage",
  "audit:read",
  "usage:read",
  "org:admin",
  "ingest:write",
] as const;

export type Scope = (typeof SCOPES)[number];
export const Scope = z.enum(SCOPES);

export const ROLES = ["owner", "admin", "member", "viewer"] as const;
export type Role = (typeof ROLES)[number];
export const Role = z.enum(ROLES);

const READ: Scope[] = ["projects:read", "runs:read", "findings:read", "members:read", "usage:read"];

/**
 * What each role may do. Admins run the organization but cannot change its owners or delete it
 * (`org:admin` is the owner's); members test agents; viewers only read.
 */
export const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  owner: SCOPES,
  admin: SCOPES.filter((scope) => scope !== "org:admin"),
  member: [...READ, "projects:write", "runs:write", "runs:kill", "findings:write", "ingest:write"],
  viewer: READ,
};

export function scopesForRole(role: Role): readonly Scope[] {
  return ROLE_SCOPES[role];
}

/** Roles ordered by authority, for "may X change Y's role" checks. */
export const ROLE_RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };
