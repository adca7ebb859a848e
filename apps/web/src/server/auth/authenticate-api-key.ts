import "server-only";
import { type Role, unauthorized } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import { log } from "@/server/log";
import type { Principal } from "./principal";
import { effectiveKeyScopes } from "./scopes";
import { secretTokenMatches, secretTokenPrefix } from "./secret-token";

// lastUsedAt is informative; writing it on every request would turn each read into a write.
const LAST_USED_RESOLUTION_MS = 60_000;

// One message for unknown, malformed, revoked and expired keys: the answer must not tell an
// attacker which keys exist.
const invalidKey = () => unauthorized("The API key is invalid, expired or revoked.");

/**
 * Resolves `Authorization: Bearer bwk_…`. Checked against the database on every request, so a
 * revocation takes effect on the very next request on every instance.
 */
export async function authenticateApiKey(token: string, now = new Date()): Promise<Principal> {
  const prefix = secretTokenPrefix(token, "bwk");
  if (!prefix) throw invalidKey();
  const key = await prisma.apiKey.findUnique({ where: { prefix } });
  if (!key || !secretTokenMatches(token, key.hash)) throw invalidKey();
  if (key.revokedAt || (key.expiresAt && key.expiresAt <= now)) throw invalidKey();

  // A key never outranks its creator: it loses what the creator loses, and dies with the
  // creator's membership.
  const membership = await prisma.membership.findUnique({
    where: { orgId_userId: { orgId: key.orgId, userId: key.createdById } },
    include: { user: { select: { isPlatformAdmin: true } } },
  });
  if (!membership) throw invalidKey();
  const role = membership.role.toLowerCase() as Role;

  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    void prisma.apiKey
      .update({ where: { id: key.id }, data: { lastUsedAt: now } })
      .catch((err: unknown) => log.warn({ err, apiKeyId: key.id }, "could not record API key use"));
  }

  return {
    actor: { type: "api_key", apiKeyId: key.id, userId: key.createdById },
    orgId: key.orgId,
    role,
    scopes: effectiveKeyScopes(key.scopes, role),
    isPlatformAdmin: membership.user.isPlatformAdmin,
    via: "api_key",
  };
}
