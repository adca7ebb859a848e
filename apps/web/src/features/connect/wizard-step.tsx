import { Badge, Card } from "@bulwark/ui";
import type { ReactNode } from "react";

export type StepStatus = "done" | "current" | "waiting" | "connected";

const BADGE = {
  done: { tone: "success", label: "done" },
  connected: { tone: "success", label: "connected" },
  current: { tone: "info", label: "to do" },
  waiting: { tone: "warning", label: "waiting" },
} as const;

/** One numbered step of the connect wizard, its state in words (not only in colour). */
export function WizardStep({ number, title, status, description, children }: { number: number; title: string; status: StepStatus; description?: ReactNode; children: ReactNode }) {
  const headingId = `connect-step-${number}`;
  return (
    <li aria-labelledby={headingId}>
      <Card className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id={headingId} className="text-base font-semibold text-fg">
            <span className="text-fg-muted">{number}.</span> {title}
          </h2>
          <Badge tone={BADGE[status].tone}>{BADGE[status].label}</Badge>
        </div>
        {description ? <p className="text-sm text-fg-muted">{description}</p> : null}
        {children}
      </Card>
    </li>
  );
}
