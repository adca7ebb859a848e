import "server-only";
import { QUOTA_NAMES, type QuotaLimits, type QuotaName } from "@bulwark/contracts";
import { notFound } from "@bulwark/contracts";
import { type QuotaPolicy, prisma } from "@bulwark/db";
import type { Tx } from "@/server/db/transaction";
import { QUOTA_FIELDS, TIER_DEFAULTS } from "./tier-defaults";

export type QuotaSource = "override" | "tier" | "default";

export interface ResolvedLimits {
  tier: "FREE" | "ALPHA" | "TEAM" | "ENTERPRISE";
  limits: QuotaLimits;
  overrides: QuotaLimits;
  sources: Record<QuotaName, QuotaSource>;
}

const valueOf = (policy: QuotaPolicy | null | undefined, name: QuotaName): number | null => {
  const value = policy?.[QUOTA_FIELDS[name]];
  return value === null || value === undefined ? null : Number(value);
};

/** A null limit inherits: the organization's override, else its tier's row, else the default in code. */
export async function effectiveLimits(orgId: string, { tx }: { tx?: Tx } = {}): Promise<ResolvedLimits> {
  const db = tx ?? prisma;
  const org = await db.organization.findUnique({ where: { id: orgId }, select: { tier: true } });
  if (!org) throw notFound("organization");
  const policies = await db.quotaPolicy.findMany({ where: { OR: [{ orgId }, { tier: org.tier }] } });
  const override = policies.find((p) => p.orgId === orgId);
  const tierRow = policies.find((p) => p.tier === org.tier);
  const limits = {} as QuotaLimits;
  const overrides = {} as QuotaLimits;
  const sources = {} as Record<QuotaName, QuotaSource>;
  for (const name of QUOTA_NAMES) {
    const own = valueOf(override, name);
    const ofTier = valueOf(tierRow, name);
    overrides[name] = own;
    if (own !== null) [limits[name], sources[name]] = [own, "override"];
    else if (ofTier !== null) [limits[name], sources[name]] = [ofTier, "tier"];
    else [limits[name], sources[name]] = [TIER_DEFAULTS[org.tier][name], "default"];
  }
  return { tier: org.tier, limits, overrides, sources };
}
