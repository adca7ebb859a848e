import type { Scope } from "@bulwark/contracts";

/** One short line per scope for the key form, so choosing scopes does not need the API reference. */
export const SCOPE_DESCRIPTIONS: Record<Scope, string> = {
  "projects:read": "Read projects.",
  "projects:write": "Create, edit, delete projects.",
  "runs:read": "Read runs and events.",
  "runs:write": "Start and cancel runs.",
  "runs:kill": "Kill a running agent.",
  "findings:read": "Read findings, evidence.",
  "findings:write": "Triage findings.",
  "members:read": "List members.",
  "members:manage": "Invite, remove, set roles.",
  "keys:manage": "Create, revoke API keys.",
  "audit:read": "Read, verify the audit log.",
  "usage:read": "Read usage and quotas.",
  "org:admin": "Administer the organization.",
  "ingest:write": "Send captured events.",
};
