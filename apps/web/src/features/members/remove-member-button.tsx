"use client";

import { Button, ConfirmDialog, useToast } from "@bulwark/ui";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/features/shared/api-client";

export function RemoveMemberButton({ membershipId, email }: { membershipId: string; email: string }) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" size="sm" aria-label={`Remove ${email}`} onClick={() => setOpen(true)}>
        Remove
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Remove ${email}?`}
        description="They lose access to this organization at once, and the API keys they created here are revoked. You can invite them again later."
        confirmLabel="Remove member"
        pendingLabel="Removing…"
        onConfirm={async () => {
          await apiFetch<void>(`/api/v1/members/${membershipId}`, { method: "DELETE" });
          toast(`${email} was removed.`, "success");
          router.refresh();
        }}
      />
    </>
  );
}
