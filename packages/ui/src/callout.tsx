import type { ReactNode } from "react";
import { cn } from "./cn";

type CalloutTone = "info" | "success" | "warning" | "danger";

const TONES: Record<CalloutTone, string> = {
  info: "border-brand-200 bg-brand-50 text-brand-800",
  success: "border-success-300 bg-success-50 text-success-900",
  warning: "border-warning-200 bg-warning-50 text-warning-800",
  danger: "border-danger-600 bg-danger-50 text-danger-900",
};

/**
 * A standing message in the page (a state, not a result: results are toasts). Danger is an
 * alert, so assistive technology announces it; the others are plain text.
 */
export function Callout({ tone = "info", title, children, action, className }: { tone?: CalloutTone; title: ReactNode; children?: ReactNode; action?: ReactNode; className?: string }) {
  return (
    <div role={tone === "danger" ? "alert" : undefined} className={cn("flex flex-col gap-3 rounded-md border px-4 py-3 text-sm sm:flex-row sm:items-start sm:justify-between", tone === "danger" && "border-l-4", TONES[tone], className)}>
      <div className="min-w-0 flex-1">
        <p className="font-semibold">{title}</p>
        {children ? <div className="mt-1">{children}</div> : null}
      </div>
      {action ? <div className="shrink-0">{action}</div> : null}
    </div>
  );
}
