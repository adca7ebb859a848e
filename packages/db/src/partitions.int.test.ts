import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "./client";
import { newId } from "./ids";
import { ensureEventPartitions, eventPartitionName, listEventPartitions, lockEventPartitions } from "./partitions";

const DAY_MS = 24 * 60 * 60 * 1000;
const db = createPrismaClient(undefined, 12);

// Partitions are global to the database, so every test works on its own random stretch of
// far-future days: files and repeated runs never share one, and afterAll drops them.
const touched = new Set<string>();
function freshDays(): Date {
  const day = new Date(Date.UTC(2200, 0, 1) + randomInt(0, 250_000) * DAY_MS);
  for (let i = -1; i < 10; i++) touched.add(eventPartitionName(new Date(day.getTime() + i * DAY_MS)));
  return day;
}

let orgId: string;
let projectId: string;

beforeAll(async () => {
  orgId = newId("org");
  projectId = newId("project");
  await db.organization.create({ data: { id: orgId, name: "Partitions test", slug: orgId } });
  await db.project.create({ data: { id: projectId, orgId, name: "events", environment: "SANDBOX" } });
});

afterAll(async () => {
  await db.organization.delete({ where: { id: orgId } }).catch(() => undefined);
  await db.$transaction(async (tx) => {
    await lockEventPartitions(tx);
    for (const name of touched) await tx.$executeRawUnsafe(`DROP TABLE IF EXISTS "${name}"`);
  });
  await db.$disconnect();
});

function event(ts: Date, clientEventId = newId("request")) {
  return { ts, orgId, projectId, clientEventId, type: "egress.request", payload: { host: "example.com" }, sizeBytes: 24 };
}

describe("events table", () => {
  it("is range-partitioned by day on ts, with no DEFAULT partition", async () => {
    // Prisma's drift check cannot see partitioning, so this is the guard against losing it.
    const [row] = await db.$queryRaw<{ key: string; hasDefault: boolean }[]>`
      SELECT pg_get_partkeydef('events'::regclass) AS key, p.partdefid <> 0 AS "hasDefault"
      FROM pg_partitioned_table p WHERE p.partrelid = 'events'::regclass`;
    expect(row).toEqual({ key: "RANGE (ts)", hasDefault: false });
  });
});

describe("ensureEventPartitions", () => {
  it("creates one partition per UTC day, on UTC midnight boundaries", async () => {
    const day = freshDays();
    // Mid-afternoon: the first partition must still start at that day's midnight UTC.
    const { created } = await ensureEventPartitions(db, { from: new Date(day.getTime() + 15 * 3600_000), days: 3 });

    const names = [0, 1, 2].map((i) => eventPartitionName(new Date(day.getTime() + i * DAY_MS)));
    expect(created).toEqual(names);
    expect(names[0]).toMatch(/^events_p\d{8}$/);
    const listed = (await listEventPartitions(db)).filter((p) => names.includes(p.name));
    expect(listed).toEqual(
      names.map((name, i) => ({
        name,
        from: new Date(day.getTime() + i * DAY_MS),
        to: new Date(day.getTime() + (i + 1) * DAY_MS),
      })),
    );
  });

  it("is idempotent", async () => {
    const day = freshDays();
    const first = await ensureEventPartitions(db, { from: day, days: 2 });
    const second = await ensureEventPartitions(db, { from: day, days: 2 });
    const overlapping = await ensureEventPartitions(db, { from: day, days: 3 });

    expect(first.created).toHaveLength(2);
    expect(second.created).toEqual([]);
    expect(overlapping.created).toEqual([eventPartitionName(new Date(day.getTime() + 2 * DAY_MS))]);
  });

  it("survives concurrent callers, creating each partition exactly once", async () => {
    const day = freshDays();
    const results = await Promise.all(Array.from({ length: 8 }, () => ensureEventPartitions(db, { from: day, days: 4 })));

    const created = results.flatMap((r) => r.created).sort();
    const expected = [0, 1, 2, 3].map((i) => eventPartitionName(new Date(day.getTime() + i * DAY_MS)));
    expect(created).toEqual(expected);
    const listed = (await listEventPartitions(db)).map((p) => p.name);
    expect(listed.filter((name) => expected.includes(name))).toEqual(expected);
  });

  it("works inside a caller's transaction and restores its lock_timeout", async () => {
    const day = freshDays();
    const timeout = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('lock_timeout', '42s', true)`;
      await ensureEventPartitions(tx, { from: day, days: 1 });
      const [row] = await tx.$queryRaw<{ value: string }[]>`SELECT current_setting('lock_timeout') AS value`;
      return row?.value;
    });
    expect(timeout).toBe("42s");
    expect((await listEventPartitions(db)).map((p) => p.name)).toContain(eventPartitionName(day));
  });

  it("rejects nonsense ranges", async () => {
    await expect(ensureEventPartitions(db, { from: new Date(), days: 0 })).rejects.toThrow(RangeError);
    await expect(ensureEventPartitions(db, { from: new Date(), days: 1.5 })).rejects.toThrow(RangeError);
    await expect(ensureEventPartitions(db, { from: new Date("nope"), days: 1 })).rejects.toThrow(RangeError);
  });
});

describe("inserting events", () => {
  it("accepts an event on a day with a partition and refuses a day without one", async () => {
    const day = freshDays();
    await ensureEventPartitions(db, { from: day, days: 1 });

    const stored = await db.event.create({ data: event(new Date(day.getTime() + 23 * 3600_000 + 59 * 60_000)) });
    expect(typeof stored.id).toBe("bigint");

    const uncovered = new Date(day.getTime() + 5 * DAY_MS);
    expect((await listEventPartitions(db)).map((p) => p.name)).not.toContain(eventPartitionName(uncovered));
    await expect(db.event.create({ data: event(uncovered) })).rejects.toThrow(/no partition of relation "events" found/);
  });

  it("rejects a duplicate (projectId, clientEventId, ts) and skips it in a bulk insert", async () => {
    const day = freshDays();
    await ensureEventPartitions(db, { from: day, days: 1 });
    const ts = new Date(day.getTime() + 3600_000);
    const clientEventId = newId("request");

    await db.event.create({ data: event(ts, clientEventId) });
    await expect(db.event.create({ data: event(ts, clientEventId) })).rejects.toMatchObject({ code: "P2002" });

    // The ingest path: a replayed batch inserts nothing (ON CONFLICT DO NOTHING).
    const replay = await db.event.createMany({ data: [event(ts, clientEventId)], skipDuplicates: true });
    expect(replay.count).toBe(0);
    expect(await db.event.count({ where: { projectId, clientEventId } })).toBe(1);
  });

  it("keeps the same client event id apart in another project", async () => {
    const day = freshDays();
    await ensureEventPartitions(db, { from: day, days: 1 });
    const otherProject = newId("project");
    await db.project.create({ data: { id: otherProject, orgId, name: "other", environment: "SANDBOX" } });
    const ts = new Date(day.getTime() + 60_000);
    const clientEventId = newId("request");

    await db.event.create({ data: event(ts, clientEventId) });
    await db.event.create({ data: { ...event(ts, clientEventId), projectId: otherProject } });
    expect(await db.event.count({ where: { clientEventId } })).toBe(2);
  });

  it("refuses an event whose project belongs to another organization", async () => {
    const day = freshDays();
    await ensureEventPartitions(db, { from: day, days: 1 });
    const otherOrg = newId("org");
    await db.organization.create({ data: { id: otherOrg, name: "Other org", slug: otherOrg } });
    try {
      const ts = new Date(day.getTime() + 60_000);
      // The (project_id, org_id) FK: a row cannot claim another tenant's project.
      await expect(db.event.create({ data: { ...event(ts), orgId: otherOrg } })).rejects.toMatchObject({ code: "P2003" });
    } finally {
      await db.organization.delete({ where: { id: otherOrg } });
    }
  });
});
