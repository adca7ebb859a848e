"use client";

import { Button, ConfirmDialog, useToast } from "@bulwark/ui";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/features/shared/api-client";

export function DeleteAllowlistEntryButton({ entryId, value }: { entryId: string; value: string }) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" size="sm" aria-label={`Remove ${value} from the allowlist`} onClick={() => setOpen(true)}>
        Remove
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Remove ${value} from the allowlist?`}
        description="Accounts it already admitted stay; it only stops new sign-ups."
        confirmLabel="Remove entry"
        pendingLabel="Removing…"
        onConfirm={async () => {
          await apiFetch<void>(`/api/v1/admin/allowlist/${entryId}`, { method: "DELETE" });
          toast(`${value} was removed from the allowlist.`, "success");
          router.refresh();
        }}
      />
    </>
  );
}
