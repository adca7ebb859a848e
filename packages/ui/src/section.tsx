import { type ReactNode, useId } from "react";
import { cn } from "./cn";

/** A titled part of a page (below its PageHeader), so pages with several parts read alike. */
export function Section({ title, description, actions, className, children }: { title: string; description?: ReactNode; actions?: ReactNode; className?: string; children: ReactNode }) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className={cn("mb-10", className)}>
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id={titleId} className="text-base font-semibold text-fg">{title}</h2>
          {description ? <p className="mt-0.5 text-sm text-fg-muted">{description}</p> : null}
        </div>
        {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}
