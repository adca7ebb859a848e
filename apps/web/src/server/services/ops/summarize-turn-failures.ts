import "server-only";
import { Prisma, prisma } from "@bulwark/db";

export interface CategoryFailures {
  category: string;
  failed: number;
  inconclusive: number;
  /** The most common error texts of the category's turns, most frequent first. */
  topErrors: { error: string; count: number }[];
}

export interface TurnFailureSummary {
  from: string;
  to: string;
  categories: CategoryFailures[];
}

const TOP_ERRORS = 5;
const DAY_MS = 86_400_000;

/** The weekly ops summary: failed and inconclusive turns of the last `days` days by category, with their most common errors. */
export async function summarizeTurnFailures({ days = 7, orgId, now = new Date() }: { days?: number; orgId?: string; now?: Date }): Promise<TurnFailureSummary> {
  const from = new Date(now.getTime() - days * DAY_MS);
  const org = orgId ? Prisma.sql`AND org_id = ${orgId}` : Prisma.empty;
  const counts = await prisma.$queryRaw<{ category: string; failed: number; inconclusive: number }[]>`
    SELECT category, count(*) FILTER (WHERE verdict = 'FAIL')::int AS failed, count(*) FILTER (WHERE verdict = 'INCONCLUSIVE')::int AS inconclusive
    FROM run_turns WHERE created_at >= ${from} AND created_at < ${now} AND verdict IN ('FAIL', 'INCONCLUSIVE') ${org}
    GROUP BY category ORDER BY count(*) DESC, category`;
  const errors = await prisma.$queryRaw<{ category: string; error: string; count: number }[]>`
    SELECT category, error, count FROM (
      SELECT category, left(error, 200) AS error, count(*)::int AS count,
             row_number() OVER (PARTITION BY category ORDER BY count(*) DESC, left(error, 200)) AS rank
      FROM run_turns WHERE created_at >= ${from} AND created_at < ${now} AND error IS NOT NULL ${org}
      GROUP BY category, left(error, 200)
    ) ranked WHERE rank <= ${TOP_ERRORS} ORDER BY category, count DESC`;
  const categories = new Map<string, CategoryFailures>(counts.map((row) => [row.category, { ...row, topErrors: [] }]));
  for (const row of errors) {
    const entry = categories.get(row.category) ?? { category: row.category, failed: 0, inconclusive: 0, topErrors: [] };
    entry.topErrors.push({ error: row.error, count: row.count });
    categories.set(row.category, entry);
  }
  return { from: from.toISOString(), to: now.toISOString(), categories: [...categories.values()] };
}
