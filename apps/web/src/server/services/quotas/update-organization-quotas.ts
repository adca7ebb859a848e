import "server-only";
import { type OrganizationQuotas, type QuotaName, notFound, type UpdateOrganizationQuotasInput } from "@bulwark/contracts";
import { appendAuditEntry, newId, type Prisma } from "@bulwark/db";
import type { UserContext } from "@/server/auth/principal";
import { inTransaction, type Tx } from "@/server/db/transaction";
import { assertPlatformAdmin } from "@/server/services/platform/assert-platform-admin";
import { effectiveLimits } from "./effective-limits";
import { BIGINT_QUOTAS, QUOTA_FIELDS } from "./quota-columns";
import { toOrganizationQuotasDto } from "./to-organization-quotas-dto";

/**
 * Sets or clears (null) an organization's quota overrides. Audited in the organization's own
 * chain, as tier changes are: the owners see who changed their limits. Runs already started keep
 * the caps they were created with.
 */
export async function updateOrganizationQuotas(ctx: UserContext, orgId: string, input: UpdateOrganizationQuotasInput, { tx }: { tx?: Tx } = {}): Promise<OrganizationQuotas> {
  assertPlatformAdmin(ctx);
  return inTransaction(tx, async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: orgId }, select: { id: true } });
    if (!org) throw notFound("organization");
    const before = (await effectiveLimits(orgId, { tx })).overrides;
    const data: Prisma.QuotaPolicyUncheckedUpdateInput = {};
    for (const [name, value] of Object.entries(input) as [QuotaName, number | null | undefined][]) {
      if (value === undefined) continue;
      (data as Record<string, number | bigint | null>)[QUOTA_FIELDS[name]] = value === null ? null : BIGINT_QUOTAS.has(name) ? BigInt(value) : value;
    }
    await tx.quotaPolicy.upsert({
      where: { orgId },
      create: { ...(data as Prisma.QuotaPolicyUncheckedCreateInput), id: newId("quota"), orgId },
      update: data,
    });
    await appendAuditEntry(tx, {
      orgId,
      actor: { type: "user", userId: ctx.userId },
      action: "org.quotas_update",
      target: { type: "organization", id: orgId },
      params: { before: Object.fromEntries(Object.keys(input).map((name) => [name, before[name as QuotaName]])), after: input, byPlatformAdmin: true },
      request: { requestId: ctx.requestId, ip: ctx.ip, userAgent: ctx.userAgent },
    });
    return toOrganizationQuotasDto(orgId, await effectiveLimits(orgId, { tx }));
  });
}
