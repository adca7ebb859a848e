import "server-only";
import { notFound, QUOTA_NAMES, type QuotaLimits, type QuotaName, TIER_DEFAULTS } from "@bulwark/contracts";
import { type QuotaPolicy, pool, prisma } from "@bulwark/db";
import type { Tx } from "@/server/db/transaction";
import { QUOTA_FIELDS } from "./quota-columns";

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
function pick(own: number | null, ofTier: number | null, fallback: number | null): [number | null, QuotaSource] {
  if (own !== null) return [own, "override"];
  if (ofTier !== null) return [ofTier, "tier"];
  return [fallback, "default"];
}

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
    [limits[name], sources[name]] = pick(own, ofTier, TIER_DEFAULTS[org.tier][name]);
  }
  return { tier: org.tier, limits, overrides, sources };
}

/**
 * The stored_bytes limit alone, as effectiveLimits resolves it, in one lean query: ingest asks on
 * every batch, where effectiveLimits' two ORM reads cost more CPU than the batch's own insert.
 */
export async function storedBytesLimit(orgId: string): Promise<number | null> {
  const { rows } = await pool.query<{ tier: ResolvedLimits["tier"]; own: string | null; of_tier: string | null }>({
    name: "stored-bytes-limit",
    text: `SELECT o.tier, own.stored_bytes::text AS own, t.stored_bytes::text AS of_tier
      FROM organizations o
      LEFT JOIN quota_policies own ON own.org_id = o.id
      LEFT JOIN quota_policies t ON t.tier = o.tier
      WHERE o.id = $1`,
    values: [orgId],
  });
  const row = rows[0];
  if (!row) throw notFound("organization");
  const number = (value: string | null) => (value === null ? null : Number(value));
  return pick(number(row.own), number(row.of_tier), TIER_DEFAULTS[row.tier].stored_bytes)[0];
}
