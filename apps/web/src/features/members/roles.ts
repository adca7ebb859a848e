import { type Role, ROLE_RANK, ROLES } from "@bulwark/contracts";

export const ROLE_LABELS: Record<Role, string> = { owner: "Owner", admin: "Admin", member: "Member", viewer: "Viewer" };

/** "an owner", "a member": for sentences about a role. */
export function withArticle(role: Role): string {
  return `${role === "owner" || role === "admin" ? "an" : "a"} ${role}`;
}

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: "Everything, including owners and deleting the organization.",
  admin: "Runs the organization: members, API keys, audit log.",
  member: "Tests agents: projects, runs and findings.",
  viewer: "Reads projects, runs and findings.",
};

/**
 * The roles a caller may hand out or act on: at most their own (the services refuse the rest
 * with 403, so this only keeps the UI from offering what would fail).
 */
export function rolesUpTo(role: Role): Role[] {
  return ROLES.filter((candidate) => ROLE_RANK[candidate] <= ROLE_RANK[role]);
}

export function canActOn(callerRole: Role, targetRole: Role): boolean {
  return ROLE_RANK[targetRole] <= ROLE_RANK[callerRole];
}
