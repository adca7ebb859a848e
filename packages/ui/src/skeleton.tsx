import { cn } from "./cn";

/**
 * A grey placeholder block; decorative, so screen readers skip it (wrap it in a labelled status).
 * A span, so it may stand in for text inside a paragraph.
 */
export function Skeleton({ className }: { className?: string }) {
  return <span aria-hidden="true" className={cn("block animate-pulse rounded-md bg-border/50", className)} />;
}

/**
 * A table-shaped placeholder that takes the height the loaded table will take (same header and
 * row heights as <Table>), so the page does not jump when the data arrives.
 */
export function TableSkeleton({ rows = 5, columns = 4, rowHeight = "h-12", label = "Loading…" }: { rows?: number; columns?: number; rowHeight?: string; label?: string }) {
  return (
    <div role="status" className="overflow-hidden rounded-lg border border-border bg-surface">
      <span className="sr-only">{label}</span>
      <div aria-hidden="true" className="flex h-8 items-center gap-6 bg-surface-muted px-4">
        {Array.from({ length: columns }, (_, column) => (
          <div key={column} className="h-2.5 flex-1 rounded bg-border/70" />
        ))}
      </div>
      <div aria-hidden="true" className="divide-y divide-border">
        {Array.from({ length: rows }, (_, row) => (
          <div key={row} className={cn("flex items-center gap-6 px-4", rowHeight)}>
            {Array.from({ length: columns }, (_, column) => (
              <Skeleton key={column} className="h-3 flex-1" />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
