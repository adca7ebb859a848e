import { linkStyles } from "@bulwark/ui";
import Link from "next/link";

/** Projects › the project: the way back from a project's sub-pages. */
export function ProjectBreadcrumb({ project }: { project: { id: string; name: string } }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 flex gap-2 text-sm">
      <Link className={linkStyles} href="/projects">
        Projects
      </Link>
      <span aria-hidden="true" className="text-fg-subtle">
        /
      </span>
      <Link className={linkStyles} href={`/projects/${project.id}`}>
        {project.name}
      </Link>
    </nav>
  );
}
