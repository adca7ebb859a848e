import "server-only";
import { AppError, type CreateApiKeyInput, forbidden } from "@bulwark/contracts";
import { newId } from "@bulwark/db";
import { generateSecretToken } from "@/server/auth/secret-token";
import type { ServiceContext } from "@/server/auth/principal";
import { inTransaction, type Tx } from "@/server/db/transaction";
import { recordAudit } from "@/server/services/audit/record-audit";
import { toApiKeyDto } from "./to-api-key-dto";

/**
 * Creates a key carrying a subset of the caller's own effective scopes — a key made by a key
 * cannot exceed the key that made it. Owned by the human behind the caller, so it dies with
 * that person's membership.
 */
export async function createApiKey(ctx: ServiceContext, input: CreateApiKeyInput, { tx }: { tx?: Tx } = {}) {
  const exceeding = input.scopes.filter((scope) => !ctx.scopes.includes(scope));
  if (exceeding.length > 0) {
    throw forbidden(`A key cannot have scopes you do not have: ${exceeding.join(", ")}.`);
  }
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= Date.now()) {
    throw new AppError("validation_failed", "Invalid body: expiresAt: must be in the future", {
      details: { in: "body", fields: [{ path: "expiresAt", code: "too_small", message: "must be in the future" }] },
    });
  }

  const { token, prefix, hash } = generateSecretToken("bwk");
  return inTransaction(tx, async (tx) => {
    const key = await tx.apiKey.create({
      data: { id: newId("apiKey"), orgId: ctx.orgId, name: input.name, prefix, hash, scopes: input.scopes, createdById: ctx.actor.userId, expiresAt },
      include: { createdBy: { select: { id: true, email: true } } },
    });
    await recordAudit(tx, ctx, "api_key.create", { type: "api_key", id: key.id }, { name: input.name, scopes: input.scopes, expiresAt: input.expiresAt ?? null, prefix });
    return { ...toApiKeyDto(key), key: token };
  });
}
