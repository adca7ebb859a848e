"use client";

import { useTransition } from "react";
import { switchOrganization } from "@/features/auth/actions";

export function OrgSwitcher({ orgs, activeOrgId }: { orgs: { id: string; name: string }[]; activeOrgId: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <label className="block text-xs text-fg-muted">
      <span className="mb-1 block">Organization</span>
      <select
        aria-label="Active organization"
        className="h-9 w-full rounded-md border border-border bg-surface px-2 text-sm text-fg focus-visible:outline-2 focus-visible:outline-brand-600"
        value={activeOrgId}
        disabled={pending}
        onChange={(event) => {
          const orgId = event.target.value;
          startTransition(() => switchOrganization(orgId));
        }}
      >
        {orgs.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name}
          </option>
        ))}
      </select>
    </label>
  );
}
