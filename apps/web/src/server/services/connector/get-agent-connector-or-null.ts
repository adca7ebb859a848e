import "server-only";
import { type AgentConnector, AppError } from "@bulwark/contracts";
import type { ServiceContext } from "@/server/auth/principal";
import { getAgentConnector } from "./get-agent-connector";

/**
 * For pages that already found the project: no connector yet is a state of the page, not an
 * error.
 */
export async function getAgentConnectorOrNull(ctx: ServiceContext, projectId: string): Promise<AgentConnector | null> {
  try {
    return await getAgentConnector(ctx, projectId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}
