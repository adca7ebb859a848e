import "server-only";
import { notFound } from "@bulwark/contracts";
import type { ServiceContext } from "@/server/auth/principal";
import { inTransaction, type Tx } from "@/server/db/transaction";
import { recordAudit } from "@/server/services/audit/record-audit";

/** Revokes a token of one of the caller's projects. Idempotent. */
export async function revokeSidecarToken(ctx: ServiceContext, projectId: string, tokenId: string, { tx }: { tx?: Tx } = {}): Promise<void> {
  await inTransaction(tx, async (tx) => {
    const token = await tx.sidecarToken.findFirst({ where: { id: tokenId, projectId, orgId: ctx.orgId } });
    if (!token) throw notFound("sidecar token");
    if (token.revokedAt) return;
    await tx.sidecarToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, ctx, "sidecar_token.revoke", { type: "sidecar_token", id: token.id }, { projectId, name: token.name, prefix: token.prefix });
  });
}
