"use client";

import { Button, ConfirmDialog, useToast } from "@bulwark/ui";
import { useState } from "react";
import { apiFetch } from "@/features/shared/api-client";

/**
 * How a run can be stopped from its page: cancelled by a member who may start runs, or killed by
 * a platform administrator (the admin kill switch, recorded in the run's organization's audit log).
 */
const STOPS = {
  cancel: {
    label: "Cancel run",
    title: "Cancel this run?",
    description: "The call in flight is aborted and the run stops within a second. Results so far are kept.",
    path: (runId: string) => `/api/v1/runs/${runId}/cancel`,
  },
  kill: {
    label: "Kill run (admin)",
    title: "Kill this run as a platform administrator?",
    description: "The run stops within a second with reason admin_kill, keeping its results so far. The organization's audit log names you.",
    path: (runId: string) => `/api/v1/admin/runs/${runId}/kill`,
  },
} as const;

/** The live stream reports the stop itself, so the page needs no refresh here. */
export function StopRunButton({ runId, how }: { runId: string; how: keyof typeof STOPS }) {
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const stop = STOPS[how];
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {stop.label}
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title={stop.title}
        description={stop.description}
        confirmLabel="Stop run"
        pendingLabel="Stopping…"
        onConfirm={async () => {
          await apiFetch<unknown>(stop.path(runId), { method: "POST" });
          toast("Stopping the run.", "success");
        }}
      />
    </>
  );
}
