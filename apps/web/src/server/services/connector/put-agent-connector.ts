import "server-only";
import { type AgentConnector, invalidInput, type PutAgentConnectorInput, zodIssueFields } from "@bulwark/contracts";
import type { Prisma } from "@bulwark/db";
import { platformKeys } from "@bulwark/jobs";
import { ConnectorConfig, type ConnectorHeader, sealSecret } from "@bulwark/redteam";
import { env } from "@/env";
import type { ServiceContext } from "@/server/auth/principal";
import { inTransaction } from "@/server/db/transaction";
import { recordAudit } from "@/server/services/audit/record-audit";
import { getProjectOrThrow } from "@/server/services/projects/get-project-or-throw";
import { toAgentConnectorDto } from "./to-agent-connector-dto";

/**
 * Replaces the project's agent connector. Secret header values are sealed before they are
 * stored; sending a secret header without a value keeps its stored one, so a client that only
 * ever saw the masked connector can change other fields. The audit entry never sees a secret.
 */
export async function putAgentConnector(ctx: ServiceContext, projectId: string, input: PutAgentConnectorInput): Promise<AgentConnector> {
  return inTransaction(undefined, async (tx) => {
    const project = await getProjectOrThrow(ctx, projectId, { tx });
    if (input.allowLocalTargets && project.environment !== "SANDBOX") {
      throw invalidInput("body", [{ path: "allowLocalTargets", code: "custom", message: "only a sandbox project may reach local and private addresses" }]);
    }
    const stored = ConnectorConfig.safeParse(project.connector);
    const key = platformKeys(env.AUTH_SECRET).connectorSecrets;
    const headers = input.headers.map((header, i): ConnectorHeader => {
      if (header.value !== undefined) return { name: header.name, value: header.secret ? sealSecret(header.value, key) : header.value, secret: header.secret };
      const kept = header.secret && stored.success ? stored.data.headers.find((h) => h.secret && h.name.toLowerCase() === header.name.toLowerCase()) : undefined;
      if (!kept) throw invalidInput("body", [{ path: `headers.${i}.value`, code: "custom", message: "required (only a stored secret header may omit it to keep its value)" }]);
      return kept;
    });
    const { allowLocalTargets, ...fields } = input;
    const config = ConnectorConfig.safeParse({ ...fields, headers });
    if (!config.success) throw invalidInput("body", zodIssueFields(config.error));

    await tx.project.update({
      where: { id: project.id },
      data: { connector: config.data as unknown as Prisma.InputJsonValue, allowLocalTargets },
    });
    const audited = { ...input, headers: input.headers.map((h) => ({ name: h.name, secret: h.secret, ...(h.secret ? {} : { value: h.value }) })) };
    await recordAudit(tx, ctx, "project.connector.update", { type: "project", id: project.id }, audited);
    return toAgentConnectorDto(config.data, allowLocalTargets);
  });
}
