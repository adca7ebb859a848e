"use client";

import { Button, ConfirmDialog, useToast } from "@bulwark/ui";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/features/shared/api-client";

export function RevokeSidecarTokenButton({ projectId, tokenId, name, prefix }: { projectId: string; tokenId: string; name: string; prefix: string }) {
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
            The sidecar using <code className="font-mono">{prefix}…</code> is refused from its next request on: its egress is no longer captured, so runs of this
            project lose that evidence. This cannot be undone.
          </>
        }
        confirmLabel="Revoke token"
        pendingLabel="Revoking…"
        onConfirm={async () => {
          await apiFetch<void>(`/api/v1/projects/${projectId}/sidecar-tokens/${tokenId}`, { method: "DELETE" });
          toast(`Sidecar token “${name}” revoked.`, "success");
          router.refresh();
        }}
      />
    </>
  );
}
