"use client";

import { type ReactNode, useState } from "react";
import { Button } from "./button";
import { ErrorMessage } from "./card";
import { Dialog } from "./dialog";

interface ConfirmDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  variant?: "danger" | "primary";
  /** Runs the action; a thrown error (an API error envelope) is shown in the dialog, which stays open. */
  onConfirm: () => Promise<void>;
}

/**
 * Asks before a destructive action. Cancel comes first, so it is what the dialog focuses when it
 * opens: Enter on a freshly opened confirmation must not destroy anything.
 */
export function ConfirmDialog({ open, onClose, title, description, children, confirmLabel, pendingLabel = "Working…", variant = "danger", onConfirm }: ConfirmDialogProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; requestId?: string | undefined } | null>(null);
  const close = () => {
    if (pending) return;
    setError(null);
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title={title} description={description}>
      {children}
      {error ? (
        <div className="mt-4">
          <ErrorMessage title="It did not work" message={error.message} requestId={error.requestId} />
        </div>
      ) : null}
      <div className="mt-6 flex justify-end gap-2">
        <Button variant="secondary" onClick={close} disabled={pending}>
          Cancel
        </Button>
        <Button
          variant={variant}
          disabled={pending}
          onClick={async () => {
            setPending(true);
            setError(null);
            try {
              await onConfirm();
              setPending(false);
              onClose();
            } catch (caught) {
              const failure = caught as { message?: unknown; requestId?: unknown };
              setError({
                message: typeof failure.message === "string" && failure.message ? failure.message : "The request failed.",
                requestId: typeof failure.requestId === "string" ? failure.requestId : undefined,
              });
              setPending(false);
            }
          }}
        >
          {pending ? pendingLabel : confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
