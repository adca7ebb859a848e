import "server-only";
import type { CreateSidecarTokenInput } from "@bulwark/contracts";
import { newId } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import { generateSecretToken } from "@/server/auth/secret-token";
import { inTransaction, type Tx } from "@/server/db/transaction";
import { recordAudit } from "@/server/services/audit/record-audit";
import { getProjectOrThrow } from "@/server/services/projects/get-project-or-throw";
import { toSidecarTokenDto } from "./to-sidecar-token-dto";

/** A token for one sidecar of one project. Only its hash is stored; the secret is returned once. */
export async function createSidecarToken(ctx: ServiceContext, projectId: string, input: CreateSidecarTokenInput, { tx }: { tx?: Tx } = {}) {
  const { token, prefix, hash } = generateSecretToken("bws");
  return inTransaction(tx, async (tx) => {
    await getProjectOrThrow(ctx, projectId, { tx });
    const row = await tx.sidecarToken.create({
      data: { id: newId("sidecarToken"), orgId: ctx.orgId, projectId, name: input.name, prefix, hash, createdById: ctx.actor.userId },
    });
    await recordAudit(tx, ctx, "sidecar_token.create", { type: "sidecar_token", id: row.id }, { projectId, name: input.name, prefix });
    return { ...toSidecarTokenDto(row), token };
  });
}
