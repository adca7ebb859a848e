import type { Project } from "@bulwark/contracts";
import { Callout, linkStyles } from "@bulwark/ui";
import Link from "next/link";

/**
 * The project's other pages, and a prominent way in to connecting its agent while no sidecar
 * has reported yet (a project without a heartbeat has no egress evidence for its runs).
 */
export function ProjectSubnav({ project, canWrite }: { project: Project; canWrite: boolean }) {
  const base = `/projects/${project.id}`;
  return (
    <div className="mb-8 space-y-4">
      {!project.lastHeartbeatAt && canWrite ? (
        <Callout
          title="Connect this project's agent"
          action={
            <Link className={linkStyles} href={`${base}/connect`}>
              Open the connect wizard
            </Link>
          }
        >
          No sidecar has reported yet: without one, runs cannot see what the agent sends out.
        </Callout>
      ) : null}
      <nav aria-label="Project pages" className="flex flex-wrap gap-4 text-sm">
        {canWrite ? (
          <Link className={linkStyles} href={`${base}/connect`}>
            Connect
          </Link>
        ) : null}
        <Link className={linkStyles} href={`${base}/sidecar-tokens`}>
          Sidecar tokens
        </Link>
        <Link className={linkStyles} href={`${base}/settings`}>
          Settings
        </Link>
      </nav>
    </div>
  );
}
