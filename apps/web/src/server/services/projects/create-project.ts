import "server-only";
import type { CreateProjectInput, Project } from "@bulwark/contracts";
import { newId } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import { inTransaction, type Tx } from "@/server/db/transaction";
import { recordAudit } from "@/server/services/audit/record-audit";
import { toProjectDto } from "./to-project-dto";

export async function createProject(ctx: ServiceContext, input: CreateProjectInput, { tx }: { tx?: Tx } = {}): Promise<Project> {
  return inTransaction(tx, async (tx) => {
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
