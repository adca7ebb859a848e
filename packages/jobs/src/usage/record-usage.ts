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

/** The rollup's column for each kind, in KINDS order. */
const COLUMNS = ["runs", "turns", "agent_calls", "events", "stored_bytes", "judge_tokens", "cost_micros"] as const;

/** Where `usageCtes` finds its inputs: SQL expressions, usually `$n` placeholders. */
export interface UsageTarget {
  /** The rollup row's id, used when this (org, project, day) has none yet. */
  rollupId: string;
  orgId: string;
  projectId: string;
  runId: string;
  /** A timestamptz: the ledger's `at` and, in UTC, the rollup's day. */
  at: string;
  /** A text[] of at least KINDS.length ids, one per ledger row that may be written. */
  ledgerIds: string;
}

/**
 * The usage write as two data-modifying CTEs over `source`, a CTE of one row with the columns
 * runs, turns, agent_calls, events, stored_bytes, judge_tokens and cost_micros: a ledger row per
 * non-zero quantity, and the (org, project, UTC day) rollup incremented. Embedded in the
 * statement that makes the change it measures, both commit with that change or not at all; the
 * ingest statement feeds it the rows it inserted. Concurrent writers meet in ON CONFLICT … DO
 * UPDATE (the unique index is NULLS NOT DISTINCT, so the project-less row is one per day too).
 */
export function usageCtes(source: string, t: UsageTarget): string {
  const unpivot = KINDS.map(([, kind], i) => `(${i + 1}, '${kind}', ${source}.${COLUMNS[i]}::bigint)`).join(", ");
  return `
  usage_ledger AS (
    INSERT INTO usage_events (id, org_id, project_id, run_id, kind, quantity, at)
    SELECT (${t.ledgerIds}::text[])[k.n], ${t.orgId}, ${t.projectId}::text, ${t.runId}::text, k.kind::usage_kind, k.quantity, ${t.at}::timestamptz
    FROM ${source} CROSS JOIN LATERAL (VALUES ${unpivot}) AS k(n, kind, quantity)
    WHERE k.quantity <> 0
  ),
  usage_rollup AS (
    INSERT INTO usage_daily_rollups AS r (id, org_id, project_id, day, ${COLUMNS.join(", ")}, updated_at)
    SELECT ${t.rollupId}, ${t.orgId}, ${t.projectId}::text, (${t.at}::timestamptz AT TIME ZONE 'UTC')::date, ${COLUMNS.map((c) => `${source}.${c}`).join(", ")}, now()
    FROM ${source}
    WHERE ${COLUMNS.map((c) => `${source}.${c} <> 0`).join(" OR ")}
    ON CONFLICT (org_id, project_id, day) DO UPDATE SET
      ${COLUMNS.map((c) => `${c} = r.${c} + EXCLUDED.${c}`).join(",\n      ")},
      updated_at = now()
  )`;
}

/** Fresh ids for `UsageTarget.ledgerIds`: one per kind. */
export function newLedgerIds(): string[] {
  return KINDS.map(() => newId("usage"));
}

/** One statement: the delta as parameters, through `usageCtes`. Quantities travel as text: bigint-safe. */
const RECORD_USAGE = `
  WITH delta AS (
    SELECT ${COLUMNS.map((c, i) => `$${i + 7}::bigint AS ${c}`).join(", ")}
  ),${usageCtes("delta", { rollupId: "$1", orgId: "$2", projectId: "$3", runId: "$4", at: "$5", ledgerIds: "$6" })}
  SELECT 1`;

/** Records `delta` in one statement; run it inside the transaction of the change it measures. */
export async function recordUsage(run: SqlRunner, delta: UsageDelta): Promise<void> {
  if (KINDS.every(([field]) => BigInt(delta[field] ?? 0) === 0n)) return;
  await run(RECORD_USAGE, [
    newId("usage"),
    delta.orgId,
    delta.projectId,
    delta.runId ?? null,
    delta.at.toISOString(),
    newLedgerIds(),
    ...KINDS.map(([field]) => String(delta[field] ?? 0)),
  ]);
}
