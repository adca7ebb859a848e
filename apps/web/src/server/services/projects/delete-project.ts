import "server-only";
import type { ServiceContext } from "@/server/auth/principal";
import { inTransaction, type Tx } from "@/server/db/transaction";
import { recordAudit } from "@/server/services/audit/record-audit";
import { getProjectOrThrow } from "./get-project-or-throw";

/**
 * Deletes a project with its runs, events, findings and sidecar tokens (foreign-key cascades) in
 * one transaction with its audit entry. Runs carry hash-chained evidence, which the database
 * keeps append-only; this deliberate deletion opts in for this transaction only.
 */
export async function deleteProject(ctx: ServiceContext, projectId: string, { tx }: { tx?: Tx } = {}): Promise<void> {
  await inTransaction(tx, async (tx) => {
    const project = await getProjectOrThrow(ctx, projectId, { tx });
    const [runs, findings, sidecarTokens] = await Promise.all([
      tx.run.count({ where: { projectId, orgId: ctx.orgId } }),
      tx.finding.count({ where: { projectId, orgId: ctx.orgId } }),
      tx.sidecarToken.count({ where: { projectId, orgId: ctx.orgId } }),
    ]);
    await tx.$executeRaw`SELECT set_config('bulwark.evidence_retention', 'on', true)`;
    await tx.project.delete({ where: { id: projectId, orgId: ctx.orgId } });
    await recordAudit(tx, ctx, "project.delete", { type: "project", id: projectId }, { name: project.name, runs, findings, sidecarTokens });
  });
}
