import type { FindingSeverity } from "@bulwark/contracts";
import { SeverityBadge } from "@bulwark/ui";

const SEVERITIES: FindingSeverity[] = ["critical", "high", "medium", "low", "info"];
const BAR: Record<FindingSeverity, string> = { critical: "bg-danger-700", high: "bg-danger-600", medium: "bg-warning-800", low: "bg-brand-600", info: "bg-fg-subtle" };

/** A count per severity with a bar to compare them (the numbers are the content; the bars are decoration). */
export function OpenFindingsBySeverity({ counts }: { counts: Record<FindingSeverity, number> }) {
  const max = Math.max(1, ...SEVERITIES.map((severity) => counts[severity]));
  return (
    <ul aria-label="Open findings by severity" className="space-y-2">
      {SEVERITIES.map((severity) => (
        <li key={severity} className="grid grid-cols-[5.5rem_1fr_3rem] items-center gap-3 text-sm">
          <SeverityBadge severity={severity} />
          <div aria-hidden="true" className="h-2.5 overflow-hidden rounded-full bg-surface-muted ring-1 ring-inset ring-border">
            <div className={`h-full ${BAR[severity]}`} style={{ width: `${(counts[severity] / max) * 100}%` }} />
          </div>
          <span className="text-right tabular-nums">{counts[severity]}</span>
        </li>
      ))}
    </ul>
  );
}
