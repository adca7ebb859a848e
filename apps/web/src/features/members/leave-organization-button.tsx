"use client";

import { Button, ConfirmDialog } from "@bulwark/ui";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { switchOrganization } from "@/features/auth/actions";
import { apiFetch } from "@/features/shared/api-client";

/** Leaves the active organization, then opens the next one the user belongs to, or onboarding. */
export function LeaveOrganizationButton({ orgId, orgName, nextOrgId }: { orgId: string; orgName: string; nextOrgId: string | null }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [leaving, startLeaving] = useTransition();
  return (
    <>
      <Button variant="danger" disabled={leaving} onClick={() => setOpen(true)}>
        {leaving ? "Leaving…" : "Leave organization"}
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Leave ${orgName}?`}
        description="You lose access at once and the API keys you created here are revoked. Only an invitation brings you back."
        confirmLabel="Leave organization"
        pendingLabel="Leaving…"
        onConfirm={async () => {
          await apiFetch<void>(`/api/v1/organizations/${orgId}/membership`, { method: "DELETE" });
          // Not awaited: switchOrganization answers with a redirect, which the router follows.
          startLeaving(() => (nextOrgId ? switchOrganization(nextOrgId) : router.replace("/onboarding")));
        }}
      />
    </>
  );
}
