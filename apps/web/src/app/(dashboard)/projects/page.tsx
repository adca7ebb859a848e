import { Card, EmptyState, linkStyles, PageHeader, StatusBadge, Table, TBody, Td, Th, THead } from "@bulwark/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { CreateProjectForm } from "@/features/projects/create-project-form";
import { requirePageContext } from "@/server/auth/page-session";
import { listProjects } from "@/server/services/projects/list-projects";

export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage() {
  const { ctx } = await requirePageContext();
  const projects = await listProjects(ctx, { limit: 100 });
  const canWrite = ctx.scopes.includes("projects:write");
  return (
    <>
      <PageHeader title="Projects" description="Each project is one agent under test, with its own sidecar tokens, runs and findings." />
      {canWrite ? (
        <Card className="mb-6">
          <CreateProjectForm />
        </Card>
      ) : null}
      {projects.data.length === 0 ? (
        <EmptyState title="No projects yet" description={canWrite ? "Create one above to connect your first agent." : "Ask a member of this organization to create one."} />
      ) : (
        <Table>
          <THead>
            <tr>
              <Th>Name</Th>
              <Th>Environment</Th>
              <Th>Sidecar</Th>
              <Th>Created</Th>
            </tr>
          </THead>
          <TBody>
            {projects.data.map((project) => (
              <tr key={project.id}>
                <Td>
                  <Link className={linkStyles} href={`/projects/${project.id}`}>
                    {project.name}
                  </Link>
                </Td>
                <Td>{project.environment}</Td>
                <Td>{project.lastHeartbeatAt ? <StatusBadge status="active" /> : <span className="text-fg-muted">never connected</span>}</Td>
                <Td>{new Date(project.createdAt).toLocaleDateString("en")}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
