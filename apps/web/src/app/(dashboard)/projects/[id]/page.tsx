import { AppError } from "@bulwark/contracts";
import { Badge, Callout, Card, DateTime, EmptyState, linkStyles, PageHeader, Section, StatusBadge, Table, TBody, Td, Th, THead } from "@bulwark/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { ConnectorForm } from "@/features/connector/connector-form";
import { ProjectSubnav } from "@/features/projects/project-subnav";
import { RunLauncher } from "@/features/runs/run-launcher";
import { RunProgress } from "@/features/runs/run-progress";
import { requirePageContext } from "@/server/auth/page-session";
import { getAgentConnector } from "@/server/services/connector/get-agent-connector";
import { getProjectOrThrow } from "@/server/services/projects/get-project-or-throw";
import { toProjectDto } from "@/server/services/projects/to-project-dto";
import { listRuns } from "@/server/services/runs/list-runs";
import { listScenarios } from "@/server/services/scenarios/list-scenarios";
import { orNotFound } from "../../or-not-found";

export const metadata: Metadata = { title: "Project" };

const ENVIRONMENT_TONE = { sandbox: "info", staging: "warning", prod: "danger" } as const;

export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx } = await requirePageContext();
  const { id } = await params;
  const project = toProjectDto(await orNotFound(getProjectOrThrow(ctx, id)));
  const canWrite = ctx.scopes.includes("projects:write");
  const canRun = ctx.scopes.includes("runs:write");
  // No connector yet is a state of the page, not an error.
  const connector = await getAgentConnector(ctx, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  });
  const [runs, catalog] = await Promise.all([listRuns(ctx, id, { limit: 50 }), canRun ? listScenarios(ctx, {}) : Promise.resolve({ data: [] })]);

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link className={linkStyles} href="/projects">
          Projects
        </Link>
      </nav>
      <PageHeader
        title={project.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={ENVIRONMENT_TONE[project.environment]}>{project.environment}</Badge>
            <span>
              Created <DateTime value={project.createdAt} precision="date" />
            </span>
            {project.description ? <span>· {project.description}</span> : null}
          </span>
        }
      />
      <ProjectSubnav project={project} canWrite={canWrite} />

      <Section title="Agent connector" description="How the platform reaches this project's agent. Secret header values are stored sealed and never shown.">
        {canWrite ? (
          <Card>
            <ConnectorForm projectId={project.id} connector={connector} sandbox={project.environment === "sandbox"} />
          </Card>
        ) : connector ? (
          <Card>
            <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
              <dt className="text-fg-muted">Agent URL</dt>
              <dd className="break-all font-mono text-xs">{connector.url}</dd>
              <dt className="text-fg-muted">Reply path</dt>
              <dd className="font-mono text-xs">{connector.response?.replyPath ?? "default"}</dd>
              <dt className="text-fg-muted">Headers</dt>
              <dd>{connector.headers.length === 0 ? "none" : connector.headers.map((header) => `${header.name}${header.secret ? " (••• stored)" : ""}`).join(", ")}</dd>
            </dl>
          </Card>
        ) : (
          <EmptyState title="No connector configured" description="A member of this organization can configure one." />
        )}
      </Section>

      {canRun ? (
        <Section title="Start a run" description="Red-team the agent with scenarios from the catalog.">
          {connector ? (
            <Card>
              <RunLauncher projectId={project.id} prod={project.environment === "prod"} scenarios={catalog.data} />
            </Card>
          ) : (
            <Callout title="Configure the agent connector first">A run needs to know where the agent is and how to read its replies.</Callout>
          )}
        </Section>
      ) : null}

      <Section title="Runs" description="Newest first.">
        {runs.data.length === 0 ? (
          <EmptyState title="No runs yet" description={canRun ? "Start one above once the connector is configured." : "Members of this organization can start runs."} />
        ) : (
          <Table>
            <caption className="sr-only">Runs of this project</caption>
            <THead>
              <tr>
                <Th>Run</Th>
                <Th>Status</Th>
                <Th>Progress</Th>
                <Th>Risk score</Th>
                <Th>Created</Th>
              </tr>
            </THead>
            <TBody>
              {runs.data.map((run) => (
                <tr key={run.id}>
                  <Td>
                    <Link className={`${linkStyles} font-mono text-xs`} href={`/runs/${run.id}`}>
                      {run.id}
                    </Link>
                    <div className="text-xs text-fg-muted">{run.intensity} intensity</div>
                  </Td>
                  <Td>
                    <StatusBadge status={run.status} />
                  </Td>
                  <Td>
                    <RunProgress done={run.progress.done} total={run.progress.total} compact />
                  </Td>
                  <Td className="tabular-nums">{run.riskScore === null ? <span className="text-fg-muted">—</span> : run.riskScore.toFixed(1)}</Td>
                  <Td>
                    <DateTime value={run.createdAt} stacked />
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Section>
    </>
  );
}
