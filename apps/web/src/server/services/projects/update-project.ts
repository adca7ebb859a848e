import "server-only";
import { AppError, type Project, type UpdateProjectInput } from "@bulwark/contracts";
import type { ServiceContext } from "@/server/auth/principal";
import { inTransaction, type Tx } from "@/server/db/transaction";
import { recordAudit } from "@/server/services/audit/record-audit";
import { getProjectOrThrow } from "./get-project-or-throw";
import { toProjectDto } from "./to-project-dto";

// Changes the sidecar must pick up on its next heartbeat bump the config version.
const SIDECAR_FIELDS = ["toolDomains", "internalHostSuffixes", "sinkhole"] as const;

export async function updateProject(ctx: ServiceContext, projectId: string, input: UpdateProjectInput, { tx }: { tx?: Tx } = {}): Promise<Project> {
  return inTransaction(tx, async (tx) => {
    const current = await getProjectOrThrow(ctx, projectId, { tx });
    // Moving a project into or out of prod changes what its runs may do (the run guardrail,
    // local targets), so it is deliberate and audited, like a run against prod.
    const crossesProd = input.environment !== undefined && (current.environment === "PROD") !== (input.environment === "prod");
    if (crossesProd && !input.prodOverride) {
      throw new AppError("conflict", "Moving a project into or out of prod needs `prodOverride` ({ confirm: true, reason }).", {
        details: { reason: "prod_override_required" },
      });
    }
    const { prodOverride: _override, ...changes } = input;
    const project = await tx.project.update({
      where: { id: projectId, orgId: ctx.orgId },
      data: {
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.description !== undefined ? { description: changes.description } : {}),
        ...(changes.environment !== undefined ? { environment: changes.environment.toUpperCase() as "SANDBOX" | "STAGING" | "PROD" } : {}),
        ...(changes.toolDomains !== undefined ? { toolDomains: [...new Set(changes.toolDomains)] } : {}),
        ...(changes.internalHostSuffixes !== undefined ? { internalHostSuffixes: [...new Set(changes.internalHostSuffixes)] } : {}),
        ...(changes.retentionDays !== undefined ? { retentionDays: changes.retentionDays } : {}),
        ...(changes.sinkhole !== undefined ? { sinkhole: changes.sinkhole } : {}),
        ...(SIDECAR_FIELDS.some((field) => changes[field] !== undefined) ? { configVersion: { increment: 1 } } : {}),
      },
    });
    await recordAudit(tx, ctx, crossesProd ? "project.update.prod_override" : "project.update", { type: "project", id: projectId }, input);
    return toProjectDto(project);
  });
}
