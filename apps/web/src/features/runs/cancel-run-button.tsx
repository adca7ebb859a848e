"use client";

import type { Run } from "@bulwark/contracts";
import { Button, ConfirmDialog, useToast } from "@bulwark/ui";
import { useState } from "react";
import { apiFetch } from "@/features/shared/api-client";

/** The live stream reports the stop itself, so the page needs no refresh here. */
export function CancelRunButton({ runId }: { runId: string }) {
  const toast = useToast();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Cancel run
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title="Cancel this run?"
        description="The call in flight is aborted and the run stops within a second. Results so far are kept."
        confirmLabel="Stop run"
        pendingLabel="Stopping…"
        onConfirm={async () => {
          await apiFetch<Run>(`/api/v1/runs/${runId}/cancel`, { method: "POST" });
          toast("Stopping the run.", "success");
        }}
      />
    </>
  );
}
