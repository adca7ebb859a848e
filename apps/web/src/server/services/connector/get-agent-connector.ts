import "server-only";
import { type AgentConnector, notFound } from "@bulwark/contracts";
import { ConnectorConfig } from "@bulwark/redteam";
import type { ServiceContext } from "@/server/auth/principal";
import { getProjectOrThrow } from "@/server/services/projects/get-project-or-throw";
import { toAgentConnectorDto } from "./to-agent-connector-dto";

export async function getAgentConnector(ctx: ServiceContext, projectId: string): Promise<AgentConnector> {
  const project = await getProjectOrThrow(ctx, projectId);
  const config = ConnectorConfig.safeParse(project.connector);
  if (!config.success) throw notFound("connector");
  return toAgentConnectorDto(config.data, project.allowLocalTargets);
}
