import { Badge, Card, EmptyState, PageHeader, Section } from "@bulwark/ui";
import type { Metadata } from "next";
import { ConnectorTestButton } from "@/features/connect/connector-test-button";
import { ConnectorForm } from "@/features/connector/connector-form";
import { ProjectBreadcrumb } from "@/features/projects/project-breadcrumb";
import { ProjectSettingsForm } from "@/features/projects/project-settings-form";
import { requirePageContext } from "@/server/auth/page-session";
import { getAgentConnectorOrNull } from "@/server/services/connector/get-agent-connector-or-null";
import { getProjectOrThrow } from "@/server/services/projects/get-project-or-throw";
import { toProjectDto } from "@/server/services/projects/to-project-dto";
import { orNotFound } from "../../../or-not-found";

export const metadata: Metadata = { title: "Project settings" };

const list = (values: string[]) => (values.length === 0 ? <span className="text-fg-muted">none</span> : values.join(", "));

export default async function ProjectSettingsPage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx } = await requirePageContext();
  const { id } = await params;
  const project = toProjectDto(await orNotFound(getProjectOrThrow(ctx, id)));
  const canWrite = ctx.scopes.includes("projects:write");
  const connector = await getAgentConnectorOrNull(ctx, id);

  return (
    <>
      <ProjectBreadcrumb project={project} />
      <PageHeader title="Project settings" description={canWrite ? undefined : "You can read these settings; members of this organization can change them."} />
      <Section title="General" description="Environment, what the sidecar treats as the agent's own tools and internal hosts, and how long evidence is kept.">
        <Card>
          {canWrite ? (
            <ProjectSettingsForm project={project} />
          ) : (
            <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
              <dt className="text-fg-muted">Environment</dt>
              <dd>
                <Badge tone={project.environment === "prod" ? "danger" : project.environment === "staging" ? "warning" : "info"}>{project.environment}</Badge>
              </dd>
              <dt className="text-fg-muted">Tool domains</dt>
              <dd className="break-all font-mono text-xs">{list(project.toolDomains)}</dd>
              <dt className="text-fg-muted">Internal host suffixes</dt>
              <dd className="break-all font-mono text-xs">{list(project.internalHostSuffixes)}</dd>
              <dt className="text-fg-muted">Retention</dt>
              <dd>{project.retentionDays} days</dd>
              <dt className="text-fg-muted">Sinkhole</dt>
              <dd>{project.sinkhole ? "on" : "off"}</dd>
            </dl>
          )}
        </Card>
      </Section>
      <Section title="Agent connector" description="How the platform reaches this project's agent. Secret header values are stored sealed and never shown.">
        {canWrite ? (
          <Card className="space-y-6">
            <ConnectorForm projectId={project.id} connector={connector} sandbox={project.environment === "sandbox"} />
            {connector ? <ConnectorTestButton projectId={project.id} /> : null}
          </Card>
        ) : connector ? (
          <Card>
            <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
              <dt className="text-fg-muted">Agent URL</dt>
              <dd className="break-all font-mono text-xs">{connector.url}</dd>
              <dt className="text-fg-muted">Reply path</dt>
              <dd className="font-mono text-xs">{connector.response?.replyPath ?? "default"}</dd>
            </dl>
          </Card>
        ) : (
          <EmptyState title="No connector configured" description="A member of this organization can configure one." />
        )}
      </Section>
    </>
  );
}
