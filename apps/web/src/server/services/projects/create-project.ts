import "server-only";
import type { CreateProjectInput, Project } from "@bulwark/contracts";
import { newId } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import { inTransaction, type Tx } from "@/server/db/transaction";
import { recordAudit } from "@/server/services/audit/record-audit";
import { effectiveLimits } from "@/server/services/quotas/effective-limits";
import { lockOrgQuota } from "@/server/services/quotas/lock-org-quota";
import { projectCount } from "@/server/services/quotas/measure-usage";
import { quotaExceeded } from "@/server/services/quotas/quota-exceeded";
import { toProjectDto } from "./to-project-dto";

/** Creates a project within the org's projects_per_org limit, counted under the org's project-quota lock. */
export async function createProject(ctx: ServiceContext, input: CreateProjectInput, { tx }: { tx?: Tx } = {}): Promise<Project> {
  return inTransaction(tx, async (tx) => {
    await lockOrgQuota(tx, ctx.orgId, "projects");
    const limit = (await effectiveLimits(ctx.orgId, { tx })).limits.projects_per_org;
    if (limit !== null) {
      const used = await projectCount(tx, ctx.orgId);
      if (used >= limit) throw quotaExceeded({ quota: "projects_per_org", scope: "org", limit, used, resetAt: null });
    }
    const project = await tx.project.create({
      data: {
        id: newId("project"),
        orgId: ctx.orgId,
        name: input.name,
        environment: input.environment.toUpperCase() as "SANDBOX" | "STAGING" | "PROD",
        description: input.description ?? null,
      },
    });
    await recordAudit(tx, ctx, "project.create", { type: "project", id: project.id }, input);
    return toProjectDto(project);
  });
}
