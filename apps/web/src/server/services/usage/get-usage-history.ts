import "server-only";
import { invalidInput, type UsageHistory, type UsageQuery } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";

const MAX_DAYS = 366;
const DAY_MS = 86_400_000;

interface Row {
  key: string | null;
  runs: bigint;
  turns: bigint;
  agent_calls: bigint;
  events: bigint;
  stored_bytes: bigint;
  judge_tokens: bigint;
  cost_micros: bigint;
}

const totalsOf = (r: Omit<Row, "key">) => ({
  runs: Number(r.runs),
  turns: Number(r.turns),
  agentCalls: Number(r.agent_calls),
  events: Number(r.events),
  storedBytes: Number(r.stored_bytes),
  judgeTokens: Number(r.judge_tokens),
  costMicros: Number(r.cost_micros),
});

/** The org's usage per UTC day or per project over [from, to], from the daily rollups. */
export async function getUsageHistory(ctx: Pick<ServiceContext, "orgId">, query: UsageQuery, { now = new Date() }: { now?: Date } = {}): Promise<UsageHistory> {
  const to = query.to ?? now.toISOString().slice(0, 10);
  const from = query.from ?? new Date(Date.parse(to) - 29 * DAY_MS).toISOString().slice(0, 10);
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS >= MAX_DAYS) {
    throw invalidInput("query", [{ path: "from", code: "too_big", message: `at most ${MAX_DAYS} days at once` }]);
  }
  if (from > to) throw invalidInput("query", [{ path: "from", code: "custom", message: "from must not be after to" }]);
  const key = query.groupBy === "day" ? "to_char(day, 'YYYY-MM-DD')" : "project_id";
  const rows = await prisma.$queryRawUnsafe<Row[]>(
    `SELECT ${key} AS key, sum(runs)::bigint AS runs, sum(turns)::bigint AS turns, sum(agent_calls)::bigint AS agent_calls, sum(events)::bigint AS events,
       sum(stored_bytes)::bigint AS stored_bytes, sum(judge_tokens)::bigint AS judge_tokens, sum(cost_micros)::bigint AS cost_micros
     FROM usage_daily_rollups WHERE org_id = $1 AND day BETWEEN $2::date AND $3::date
     GROUP BY 1 ORDER BY 1 NULLS FIRST`,
    ctx.orgId,
    from,
    to,
  );
  const totals = totalsOf(
    rows.reduce(
      (sum, r) => ({
        runs: sum.runs + r.runs,
        turns: sum.turns + r.turns,
        agent_calls: sum.agent_calls + r.agent_calls,
        events: sum.events + r.events,
        stored_bytes: sum.stored_bytes + r.stored_bytes,
        judge_tokens: sum.judge_tokens + r.judge_tokens,
        cost_micros: sum.cost_micros + r.cost_micros,
      }),
      { runs: 0n, turns: 0n, agent_calls: 0n, events: 0n, stored_bytes: 0n, judge_tokens: 0n, cost_micros: 0n },
    ),
  );
  return {
    from,
    to,
    groupBy: query.groupBy,
    rows: rows.map((r) => ({ ...(query.groupBy === "day" ? { day: r.key! } : { projectId: r.key }), ...totalsOf(r) })),
    totals,
  };
}
