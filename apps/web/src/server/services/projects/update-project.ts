import "server-only";
import type { Project, UpdateProjectInput } from "@bulwark/contracts";
import type { ServiceContext } from "@/server/auth/principal";
import { inTransaction, type Tx } from "@/server/db/transaction";
import { recordAudit } from "@/server/services/audit/record-audit";
import { getProjectOrThrow } from "./get-project-or-throw";
import { toProjectDto } from "./to-project-dto";

// Changes the sidecar must pick up on its next heartbeat bump the config version.
const SIDECAR_FIELDS = ["toolDomains", "internalHostSuffixes", "sinkhole"] as const;

export async function updateProject(ctx: ServiceContext, projectId: string, input: UpdateProjectInput, { tx }: { tx?: Tx } = {}): Promise<Project> {
  return inTransaction(tx, async (tx) => {
    await getProjectOrThrow(ctx, projectId, { tx });
    const project = await tx.project.update({
      where: { id: projectId, orgId: ctx.orgId },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.environment !== undefined ? { environment: input.environment.toUpperCase() as "SANDBOX" | "STAGING" | "PROD" } : {}),
        ...(input.toolDomains !== undefined ? { toolDomains: [...new Set(input.toolDomains)] } : {}),
        ...(input.internalHostSuffixes !== undefined ? { internalHostSuffixes: [...new Set(input.internalHostSuffixes)] } : {}),
        ...(input.retentionDays !== undefined ? { retentionDays: input.retentionDays } : {}),
        ...(input.sinkhole !== undefined ? { sinkhole: input.sinkhole } : {}),
        ...(SIDECAR_FIELDS.some((field) => input[field] !== undefined) ? { configVersion: { increment: 1 } } : {}),
      },
    });
    await recordAudit(tx, ctx, "project.update", { type: "project", id: projectId }, input);
    return toProjectDto(project);
  });
}
