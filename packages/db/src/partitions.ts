import type { Prisma, PrismaClient } from "./generated/prisma/index.js";

type Db = PrismaClient | Prisma.TransactionClient;

const DAY_MS = 24 * 60 * 60 * 1000;
/** More than a year ahead is a bug in the caller, not a plan. */
const MAX_DAYS = 400;
/** Partition DDL takes an ACCESS EXCLUSIVE lock on `events`: never queue ingest behind it for long. */
const LOCK_TIMEOUT = "5s";

export interface EventPartition {
  name: string;
  /** Inclusive lower bound: midnight UTC of the partition's day. */
  from: Date;
  /** Exclusive upper bound: midnight UTC of the next day. */
  to: Date;
}

/** Midnight UTC of the day containing `date`. */
export function startOfUtcDay(date: Date): Date {
  return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
}

/** `events_pYYYYMMDD` for the UTC day containing `day`. */
export function eventPartitionName(day: Date): string {
  return `events_p${startOfUtcDay(day).toISOString().slice(0, 10).replaceAll("-", "")}`;
}

/**
 * Makes sure the daily partitions of `events` exist for `days` UTC days starting with the day of
 * `from`, and returns the names it created. Events have no DEFAULT partition, so an insert for a
 * day without one fails: callers (the partition job, ingest) create them ahead of time.
 *
 * Safe under concurrent calls from many processes: existing partitions are skipped without DDL,
 * and creation runs under a transaction-scoped advisory lock. Given a transaction client, it
 * works inside that transaction and the lock is held until it ends.
 */
export async function ensureEventPartitions(
  db: Db,
  { from, days }: { from: Date; days: number },
): Promise<{ created: string[] }> {
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
    throw new RangeError(`days must be an integer from 1 to ${MAX_DAYS}, got ${days}`);
  }
  if (Number.isNaN(from.getTime())) throw new RangeError("from is not a valid date");

  const start = startOfUtcDay(from).getTime();
  const wanted = Array.from({ length: days }, (_, i) => new Date(start + i * DAY_MS));

  // Fast path without locks: the hourly job and every ingest call land here once the days exist.
  const existing = new Set((await listEventPartitions(db)).map((p) => p.name));
  const missing = wanted.filter((day) => !existing.has(eventPartitionName(day)));
  if (missing.length === 0) return { created: [] };

  const create = async (tx: Prisma.TransactionClient) => {
    // Local to this transaction, and put back afterwards for a caller's transaction.
    const [setting] = await tx.$queryRaw<{ value: string }[]>`SELECT current_setting('lock_timeout') AS value`;
    await tx.$executeRaw`SELECT set_config('lock_timeout', ${LOCK_TIMEOUT}, true)`;
    await lockEventPartitions(tx);
    // Re-read under the lock: another process may have created some meanwhile.
    const present = new Set((await listEventPartitions(tx)).map((p) => p.name));
    const created: string[] = [];
    for (const day of missing) {
      const name = eventPartitionName(day);
      if (present.has(name)) continue;
      const lower = day.toISOString();
      const upper = new Date(day.getTime() + DAY_MS).toISOString();
      // Identifiers and bounds come from the dates above, never from input.
      await tx.$executeRawUnsafe(
        `CREATE TABLE IF NOT EXISTS "${name}" PARTITION OF "events" ` +
          `FOR VALUES FROM ('${lower}') TO ('${upper}')`,
      );
      created.push(name);
    }
    await tx.$executeRaw`SELECT set_config('lock_timeout', ${setting?.value ?? "0"}, true)`;
    return { created };
  };

  return "$transaction" in db
    ? db.$transaction(create, { maxWait: 10_000, timeout: 60_000 })
    : create(db);
}

/**
 * Takes the transaction-scoped lock that serialises DDL on the partitions of `events` across
 * every process. Retention takes it too before it detaches or drops a partition.
 */
export async function lockEventPartitions(tx: Prisma.TransactionClient): Promise<void> {
  // $executeRaw: pg_advisory_xact_lock returns void, which $queryRaw cannot deserialise.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('bulwark:event-partitions'))`;
}

/** The daily partitions of `events`, oldest first. */
export async function listEventPartitions(db: Db): Promise<EventPartition[]> {
  // Bounds are read back as timestamptz from the partition's own bound expression, so the
  // session's TimeZone and DateStyle cannot change the answer.
  const rows = await db.$queryRaw<{ name: string; from: Date; to: Date }[]>`
    SELECT b.name, b.bounds[1]::timestamptz AS "from", b.bounds[2]::timestamptz AS "to"
    FROM (
      SELECT c.relname::text AS name,
             regexp_match(pg_get_expr(c.relpartbound, c.oid),
                          'FROM \\(''([^'']+)''\\) TO \\(''([^'']+)''\\)') AS bounds
      FROM pg_inherits i
      JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'events'::regclass
    ) b
    WHERE b.bounds IS NOT NULL
    ORDER BY 2`;
  return rows.map((r) => ({ name: r.name, from: new Date(r.from), to: new Date(r.to) }));
}
