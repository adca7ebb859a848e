"use client";

import { type AdminOrganization, type OrganizationTier, OrganizationTier as Tiers } from "@bulwark/contracts";
import { Button, Select, useToast } from "@bulwark/ui";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ApiError, apiFetch } from "@/features/shared/api-client";

const TIER_LABELS: Record<OrganizationTier, string> = { free: "Free", alpha: "Alpha", team: "Team", enterprise: "Enterprise" };

/** Saved with a button, not on change, so moving through the options by keyboard sends nothing. */
export function OrganizationTierSelect({ orgId, orgName, tier }: { orgId: string; orgName: string; tier: OrganizationTier }) {
  const router = useRouter();
  const toast = useToast();
  const [value, setValue] = useState<OrganizationTier>(tier);
  const [saving, setSaving] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const pending = saving || refreshing;
  return (
    <div className="flex items-center gap-2">
      <div className="w-36 shrink-0">
        <Select aria-label={`Tier of ${orgName}`} value={value} disabled={pending} onChange={(event) => setValue(event.target.value as OrganizationTier)}>
          {Tiers.options.map((option) => (
            <option key={option} value={option}>
              {TIER_LABELS[option]}
            </option>
          ))}
        </Select>
      </div>
      {value !== tier ? (
        <>
          <Button
            variant="secondary"
            disabled={pending}
            onClick={async () => {
              setSaving(true);
              try {
                const org = await apiFetch<AdminOrganization>(`/api/v1/admin/organizations/${orgId}`, { method: "PATCH", body: { tier: value } });
                toast(`${org.name} is now on the ${TIER_LABELS[org.tier].toLowerCase()} tier.`, "success");
                startRefresh(() => router.refresh());
              } catch (caught) {
                toast(caught instanceof ApiError ? caught.message : "The tier could not be changed.", "error");
                setValue(tier);
              } finally {
                setSaving(false);
              }
            }}
          >
            {pending ? "Saving…" : "Save"}
          </Button>
          <Button variant="ghost" disabled={pending} onClick={() => setValue(tier)}>
            Cancel
          </Button>
        </>
      ) : null}
    </div>
  );
}
