import "server-only";
import { type AdminOrganization, notFound, type UpdateOrganizationTierInput } from "@bulwark/contracts";
import { appendAuditEntry } from "@bulwark/db";
import type { UserContext } from "@/server/auth/principal";
import { inTransaction, type Tx } from "@/server/db/transaction";
import { assertPlatformAdmin } from "./assert-platform-admin";
import { toAdminOrganizationDto } from "./to-admin-organization-dto";

/**
 * Sets an organization's tier. Audited in that organization's own chain, not the platform's:
 * the tier is the organization's state (it sets its quotas), so its owners see in their own log
 * who changed it and when, and the record goes wherever the organization goes.
 */
export async function updateOrganizationTier(ctx: UserContext, orgId: string, input: UpdateOrganizationTierInput, { tx }: { tx?: Tx } = {}): Promise<AdminOrganization> {
  assertPlatformAdmin(ctx);
  return inTransaction(tx, async (tx) => {
    const before = await tx.organization.findUnique({ where: { id: orgId }, select: { tier: true } });
    if (!before) throw notFound("organization");
    const org = await tx.organization.update({
      where: { id: orgId },
      data: { tier: input.tier.toUpperCase() as "FREE" | "ALPHA" | "TEAM" | "ENTERPRISE" },
      include: { _count: { select: { memberships: true } } },
    });
    await appendAuditEntry(tx, {
      orgId,
      actor: { type: "user", userId: ctx.userId },
      action: "org.tier_update",
      target: { type: "organization", id: orgId },
      params: { from: before.tier.toLowerCase(), to: input.tier, byPlatformAdmin: true },
      request: { requestId: ctx.requestId, ip: ctx.ip, userAgent: ctx.userAgent },
    });
    return toAdminOrganizationDto(org);
  });
}
