import { cn } from "@bulwark/ui";

/** Done of total turns, as a labelled progress bar (the total is 0 until the plan is known). */
export function RunProgress({ done, total, compact = false }: { done: number; total: number; compact?: boolean }) {
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  const text = `${done} of ${total} turns`;
  return (
    <div className={cn("flex items-center gap-3", compact ? "min-w-40" : "w-full")}>
      <div
        role="progressbar"
        aria-label="Run progress"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={text}
        className={cn("flex-1 overflow-hidden rounded-full bg-surface-muted ring-1 ring-inset ring-border", compact ? "h-1.5" : "h-2.5")}
      >
        <div className="h-full rounded-full bg-brand-600 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <span className="whitespace-nowrap text-sm tabular-nums text-fg-muted">{text}</span>
    </div>
  );
}
