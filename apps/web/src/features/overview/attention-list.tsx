import { Badge, DateTime, EmptyState, linkStyles } from "@bulwark/ui";
import Link from "next/link";
import { type AttentionReason, type ProjectNeedingAttention, STALE_HEARTBEAT_MS } from "@/server/services/overview/list-projects-needing-attention";

function Reason({ reason }: { reason: AttentionReason }) {
  switch (reason.kind) {
    case "no_heartbeat":
      return <>No sidecar has ever sent a heartbeat: the project&apos;s egress is not being captured.</>;
    case "stale_heartbeat":
      return (
        <>
          Sidecar silent since <DateTime value={reason.lastHeartbeatAt} /> (over {STALE_HEARTBEAT_MS / 60_000} minutes; it beats every 15 s).
        </>
      );
    case "never_tested":
      return <>No completed run yet.</>;
    case "critical_findings":
      return (
        <>
          {reason.count} open critical finding{reason.count === 1 ? "" : "s"} in the{" "}
          <Link className={linkStyles} href={`/runs/${reason.runId}`}>
            latest completed run
          </Link>
          .
        </>
      );
  }
}

const TONE = { no_heartbeat: "warning", stale_heartbeat: "warning", never_tested: "neutral", critical_findings: "critical" } as const;
const LABEL = { no_heartbeat: "no heartbeat", stale_heartbeat: "stale heartbeat", never_tested: "never tested", critical_findings: "critical findings" } as const;

/** Projects with something to act on, each with why and where to go. */
export function AttentionList({ projects }: { projects: ProjectNeedingAttention[] }) {
  if (projects.length === 0) return <EmptyState title="Nothing needs attention" description="Every project has a live sidecar, a completed run and no open critical findings." />;
  return (
    <ul aria-label="Projects needing attention" className="divide-y divide-border rounded-lg border border-border bg-surface">
      {projects.map((project) => (
        <li key={project.projectId} className="p-4">
          <Link className={`${linkStyles} font-medium`} href={`/projects/${project.projectId}`}>
            {project.projectName}
          </Link>
          <ul className="mt-2 space-y-1.5 text-sm">
            {project.reasons.map((reason) => (
              <li key={reason.kind} className="flex flex-wrap items-baseline gap-2">
                <Badge tone={TONE[reason.kind]}>{LABEL[reason.kind]}</Badge>
                <span className="text-fg-muted">
                  <Reason reason={reason} />
                </span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
