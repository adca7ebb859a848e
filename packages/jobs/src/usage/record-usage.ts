import { newId } from "@bulwark/db";

/** Usage to add for one org (and project) at one moment; zero quantities are not recorded. */
export interface UsageDelta {
  orgId: string;
  projectId: string | null;
  runId?: string | null;
  at: Date;
  runs?: number;
  turns?: number;
  agentCalls?: number;
  events?: number;
  /** Signed: retention records freed space as negative. */
  storedBytes?: number | bigint;
  judgeTokens?: number | bigint;
  costMicros?: number | bigint;
}

/** Anything that runs one SQL statement with $n parameters: a Prisma transaction, a pg client. */
export type SqlRunner = (text: string, values: unknown[]) => Promise<unknown>;

const KINDS = [
  ["runs", "RUN"],
  ["turns", "TURN"],
  ["agentCalls", "AGENT_CALL"],
  ["events", "EVENT"],
  ["storedBytes", "STORED_BYTES"],
  ["judgeTokens", "JUDGE_TOKENS"],
  ["costMicros", "COST_MICROS"],
] as const;

/**
 * Writes the usage events and adds them to the (org, project, UTC day) rollup in ONE statement,
 * so the ledger and its totals cannot disagree; run it inside the transaction of the change it
 * measures. Concurrent writers meet in ON CONFLICT … DO UPDATE (the unique index is NULLS NOT
 * DISTINCT, so the project-less row is one per day too). Quantities travel as text: bigint-safe.
 */
const RECORD_USAGE = `
  WITH ledger AS (
    INSERT INTO usage_events (id, org_id, project_id, run_id, kind, quantity, at)
    SELECT u.id, $2, $3::text, $4::text, u.kind::usage_kind, u.quantity::bigint, $5::timestamptz
    FROM unnest($6::text[], $7::text[], $8::text[]) AS u(id, kind, quantity)
  )
  INSERT INTO usage_daily_rollups AS r (id, org_id, project_id, day, runs, turns, agent_calls, events, stored_bytes, judge_tokens, cost_micros, updated_at)
  VALUES ($1, $2, $3::text, ($5::timestamptz AT TIME ZONE 'UTC')::date, $9::int, $10::int, $11::int, $12::bigint, $13::bigint, $14::bigint, $15::bigint, now())
  ON CONFLICT (org_id, project_id, day) DO UPDATE SET
    runs = r.runs + EXCLUDED.runs,
    turns = r.turns + EXCLUDED.turns,
    agent_calls = r.agent_calls + EXCLUDED.agent_calls,
    events = r.events + EXCLUDED.events,
    stored_bytes = r.stored_bytes + EXCLUDED.stored_bytes,
    judge_tokens = r.judge_tokens + EXCLUDED.judge_tokens,
    cost_micros = r.cost_micros + EXCLUDED.cost_micros,
    updated_at = now()`;

export async function recordUsage(run: SqlRunner, delta: UsageDelta): Promise<void> {
  const kinds = KINDS.filter(([field]) => BigInt(delta[field] ?? 0) !== 0n);
  if (kinds.length === 0) return;
  const value = (field: (typeof KINDS)[number][0]) => String(delta[field] ?? 0);
  await run(RECORD_USAGE, [
    newId("usage"),
    delta.orgId,
    delta.projectId,
    delta.runId ?? null,
    delta.at.toISOString(),
    kinds.map(() => newId("usage")),
    kinds.map(([, kind]) => kind),
    kinds.map(([field]) => value(field)),
    ...KINDS.map(([field]) => value(field)),
  ]);
}
