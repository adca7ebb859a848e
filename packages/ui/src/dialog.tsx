"use client";

import { type ReactNode, useEffect, useId, useRef } from "react";
import { cn } from "./cn";

interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** `lg` for content that needs room to read, such as an evidence chain. */
  size?: "md" | "lg";
}

/**
 * A modal on the native <dialog>: the browser traps focus, closes on Escape and restores focus
 * to the opener, which no hand-rolled overlay gets entirely right.
 */
export function Dialog({ open, onClose, title, description, children, size = "md" }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className={cn("m-auto w-full rounded-lg border border-border bg-surface p-0 text-left text-fg shadow-xl backdrop:bg-black/40", size === "lg" ? "max-w-3xl" : "max-w-lg")}
    >
      <div className="p-6">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        {description ? <div className="mt-1 text-sm text-fg-muted">{description}</div> : null}
        <div className="mt-4">{children}</div>
      </div>
    </dialog>
  );
}
