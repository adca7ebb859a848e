import "server-only";
import { notFound } from "@bulwark/contracts";
import type { ServiceContext } from "@/server/auth/principal";
import { inTransaction, type Tx } from "@/server/db/transaction";
import { recordAudit } from "@/server/services/audit/record-audit";

/** Revokes a key of the caller's org. Idempotent: revoking a revoked key changes nothing. */
export async function revokeApiKey(ctx: ServiceContext, apiKeyId: string, { tx }: { tx?: Tx } = {}): Promise<void> {
  await inTransaction(tx, async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id: apiKeyId, orgId: ctx.orgId } });
    if (!key) throw notFound("API key");
    if (key.revokedAt) return;
    await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, ctx, "api_key.revoke", { type: "api_key", id: key.id }, { name: key.name, prefix: key.prefix });
  });
}
