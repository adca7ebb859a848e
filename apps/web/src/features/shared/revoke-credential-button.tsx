"use client";

import { Button, ConfirmDialog, useToast } from "@bulwark/ui";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/features/shared/api-client";

/** What revoking each kind of credential means to the person about to do it. */
const KINDS = {
  apiKey: { noun: "API key", confirmLabel: "Revoke key", consequence: "Anything using the key", after: "" },
  sidecarToken: {
    noun: "Sidecar token",
    confirmLabel: "Revoke token",
    consequence: "The sidecar using",
    after: " Its egress is no longer captured, so runs of this project lose that evidence.",
  },
} as const;

/** Revokes an API key or a sidecar token (`path` is its DELETE endpoint) after a confirmation. */
export function RevokeCredentialButton({ kind, path, name, prefix }: { kind: keyof typeof KINDS; path: string; name: string; prefix: string }) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const credential = KINDS[kind];
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
            {credential.consequence} <code className="font-mono">{prefix}…</code> is refused from its next request on.{credential.after} This cannot be undone.
          </>
        }
        confirmLabel={credential.confirmLabel}
        pendingLabel="Revoking…"
        onConfirm={async () => {
          await apiFetch<void>(path, { method: "DELETE" });
          toast(`${credential.noun} “${name}” revoked.`, "success");
          router.refresh();
        }}
      />
    </>
  );
}
