"use client";

import { Button, ConfirmDialog, useToast } from "@bulwark/ui";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/features/shared/api-client";

export function RevokeInvitationButton({ invitationId, email }: { invitationId: string; email: string }) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" size="sm" aria-label={`Revoke the invitation for ${email}`} onClick={() => setOpen(true)}>
        Revoke
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Revoke the invitation for ${email}?`}
        description="The link stops working at once. You can invite the same address again."
        confirmLabel="Revoke invitation"
        pendingLabel="Revoking…"
        onConfirm={async () => {
          await apiFetch<void>(`/api/v1/invitations/${invitationId}`, { method: "DELETE" });
          toast(`The invitation for ${email} was revoked.`, "success");
          router.refresh();
        }}
      />
    </>
  );
}
