"use client";

import { Button, ConfirmDialog, useToast } from "@bulwark/ui";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/features/shared/api-client";

export function RevokeApiKeyButton({ apiKeyId, name, prefix }: { apiKeyId: string; name: string; prefix: string }) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" size="sm" aria-label={`Revoke ${name}`} onClick={() => setOpen(true)}>
        Revoke
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Revoke “${name}”?`}
        description={
          <>
            Anything using the key <code className="font-mono">{prefix}…</code> is refused from its next request on. This cannot be undone.
          </>
        }
        confirmLabel="Revoke key"
        pendingLabel="Revoking…"
        onConfirm={async () => {
          await apiFetch<void>(`/api/v1/api-keys/${apiKeyId}`, { method: "DELETE" });
          toast(`API key “${name}” revoked.`, "success");
          router.refresh();
        }}
      />
    </>
  );
}
