/**
 * Retention by partition drop versus batched DELETE, printed (a measurement, never a gate: it
 * exits 0 unless it crashes).
 *
 *   npm run bench:retention [-- --rows 1000000 --keep]
 *
 * Against DATABASE_URL (which must name a test database) or the embedded test server, in a
 * dedicated database `<name>_bench_retention` on the same server, created, migrated and dropped.
 *
 * 1. One day's partition is filled with N events of a project whose retention has passed
 *    (INSERT … SELECT generate_series), then the real retention cleanup expires them: every
 *    project in the partition has expired it, so the partition is DROPPED.
 * 2. The same N rows again, plus one row of a project that keeps the day: the cleanup now has to
 *    DELETE the expired project's rows in batches of 10,000 (the same code path and statement).
 */
import { parseArgs } from "node:util";
import { openBenchDatabase } from "../lib/bench-database";

const DAY_MS = 86_400_000;
const { values: flags } = parseArgs({ options: { rows: { type: "string", default: "1000000" }, keep: { type: "boolean", default: false } } });
const ROWS = Number(flags.rows);
if (!Number.isInteger(ROWS) || ROWS < 1) throw new Error(`--rows must be a positive integer, got "${flags.rows}"`);

// --- database, and the web modules configured before their env.ts and Prisma singleton load ---
const database = await openBenchDatabase("bench_retention");

const { prisma, newId, ensureEventPartitions, eventPartitionName, listEventPartitions } = await import("@bulwark/db");
const { createTestOrg } = await import("@bulwark/db/testing");
const { runRetentionCleanup, RETENTION_DELETE_BATCH } = await import("../../apps/web/src/server/services/retention/run-retention-cleanup");

let exitCode = 0;
try {
  const org = await createTestOrg("Retention benchmark");
  const expired = newId("project");
  const keeper = newId("project");
  await prisma.project.createMany({
    data: [
      { id: expired, orgId: org.orgId, name: "expired", environment: "SANDBOX", retentionDays: 30 },
      { id: keeper, orgId: org.orgId, name: "keeper", environment: "SANDBOX", retentionDays: 3650 },
    ],
  });
  const day = new Date(Math.floor((Date.now() - 60 * DAY_MS) / DAY_MS) * DAY_MS);
  const partition = eventPartitionName(day);

  const fill = async () => {
    await ensureEventPartitions(prisma, { from: day, days: 1 });
    const started = performance.now();
    await prisma.$executeRawUnsafe(
      `INSERT INTO "${partition}" (ts, org_id, project_id, client_event_id, type, payload, size_bytes)
       SELECT $1::timestamptz + (g * interval '1 millisecond') * (86399000.0 / $4), $2, $3, 'evt-' || g, 'egress.http',
              jsonb_build_object('host', 'api.example.com', 'method', 'POST', 'status', 200, 'bytes', g % 4096), 96
       FROM generate_series(1, $4) g`,
      day,
      org.orgId,
      expired,
      ROWS,
    );
    await prisma.$executeRawUnsafe(`ANALYZE "${partition}"`);
    return (performance.now() - started) / 1000;
  };
  const size = async () => (await prisma.$queryRawUnsafe<{ size: string }[]>(`SELECT pg_size_pretty(pg_total_relation_size('"${partition}"')) AS size`))[0]!.size;

  const fillDrop = await fill();
  const sizeBefore = await size();
  const drop = await runRetentionCleanup({ archive: null, archiveEvents: false });
  const dropped = !(await listEventPartitions(prisma)).some((p) => p.name === partition);

  const fillDelete = await fill();
  await prisma.$executeRawUnsafe(
    `INSERT INTO "${partition}" (ts, org_id, project_id, client_event_id, type, payload, size_bytes) VALUES ($1, $2, $3, 'keep-1', 'egress.http', '{}', 2)`,
    day,
    org.orgId,
    keeper,
  );
  const del = await runRetentionCleanup({ archive: null, archiveEvents: false });
  const left = await prisma.event.count({ where: { projectId: expired } });

  const row = (label: string, value: string, detail = "") => console.log(`  ${label.padEnd(30)} ${value.padStart(14)}   ${detail}`);
  const rate = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString("en-US")} rows/s`;
  console.log(`retention of ${ROWS.toLocaleString("en-US")} events in one day partition (${partition}, ${sizeBefore} with indexes)`);
  row("fill (INSERT … generate_series)", `${fillDrop.toFixed(2)} s`, `refill ${fillDelete.toFixed(2)} s`);
  row("partition DROP (cleanup)", `${drop.ms} ms`, `${rate(drop.eventsDeleted, drop.ms)}; dropped=${dropped}, partitionsDropped=${drop.partitionsDropped}, eventsDeleted=${drop.eventsDeleted}`);
  row(`batched DELETE (${RETENTION_DELETE_BATCH.toLocaleString("en-US")}/stmt)`, `${del.ms} ms`, `${rate(del.eventsDeleted, del.ms)}; eventsDeleted=${del.eventsDeleted}, rows left=${left}`);
  row("DELETE / DROP", `${(del.ms / Math.max(1, drop.ms)).toFixed(0)}×`, "and DELETE leaves dead tuples for VACUUM; DROP frees the files at once");
} catch (error) {
  exitCode = 1;
  console.error(error);
} finally {
  await prisma.$disconnect();
  await database.close({ keep: flags.keep });
}
process.exit(exitCode);
