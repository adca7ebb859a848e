import { Callout, PageHeader } from "@bulwark/ui";
import type { Metadata } from "next";
import { env } from "@/env";
import { ConnectWizard } from "@/features/connect/connect-wizard";
import { ProjectBreadcrumb } from "@/features/projects/project-breadcrumb";
import { requirePageContext } from "@/server/auth/page-session";
import { getAgentConnectorOrNull } from "@/server/services/connector/get-agent-connector-or-null";
import { getProjectOrThrow } from "@/server/services/projects/get-project-or-throw";
import { toProjectDto } from "@/server/services/projects/to-project-dto";
import { listSidecarTokens } from "@/server/services/sidecar-tokens/list-sidecar-tokens";
import { orNotFound } from "../../../or-not-found";

export const metadata: Metadata = { title: "Connect the agent" };

export default async function ConnectPage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx } = await requirePageContext();
  const { id } = await params;
  const project = toProjectDto(await orNotFound(getProjectOrThrow(ctx, id)));
  const canWrite = ctx.scopes.includes("projects:write");
  const header = (
    <>
      <ProjectBreadcrumb project={project} />
      <PageHeader title="Connect the agent" description="Five steps from a new project to its first run, with the sidecar watching the agent's egress." />
    </>
  );
  // Every step changes the project: a viewer gets the reason instead of controls that would fail.
  if (!canWrite) {
    return (
      <>
        {header}
        <Callout title="Only members can connect an agent">Ask a member, an admin or an owner of this organization to connect it.</Callout>
      </>
    );
  }
  const [connector, tokens] = await Promise.all([
    getAgentConnectorOrNull(ctx, id),
    listSidecarTokens(ctx, id, { limit: 100 }),
  ]);
  return (
    <>
      {header}
      <ConnectWizard
        project={{ id: project.id, environment: project.environment }}
        connector={connector}
        tokens={tokens.data}
        publicUrl={env.AUTH_URL ?? null}
        canRun={ctx.scopes.includes("runs:write")}
      />
    </>
  );
}
