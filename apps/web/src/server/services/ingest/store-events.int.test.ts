import { ensureEventPartitions, newId, pool, prisma } from "@bulwark/db";
import { createTestOrg } from "@bulwark/db/testing";
import { expect, it } from "vitest";
import type { PreparedEvent } from "./prepare-events";
import { storeBatchStatement, storeEvents } from "./store-events";

const DAY = 86_400_000;

function prepared(prefix: string, count: number, runId: string): PreparedEvent[] {
  const payload = JSON.stringify({ method: "POST", host: "api.openai.com" });
  return Array.from({ length: count }, (_, index) => ({
    index,
    clientEventId: `${prefix}-${index}`,
    type: "egress.http",
    ts: new Date(Date.now() - index),
    runId,
    turnId: null,
    payload,
    sizeBytes: Buffer.byteLength(payload),
  }));
}

/** A parameter as an SQL literal (arrays in PostgreSQL's array syntax), for EXECUTE's argument list. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (Array.isArray(value)) {
    const items = value.map((item) => (item === null ? "NULL" : `"${String(item).replace(/[\\"]/g, "\\$&")}"`));
    return literal(`{${items.join(",")}}`);
  }
  return `'${String(value).replaceAll("'", "''")}'`;
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Cond"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  Plans?: PlanNode[];
}

function* walk(node: PlanNode): Generator<PlanNode> {
  yield node;
  for (const child of node.Plans ?? []) yield* walk(child);
}

it("checks a batch for stored duplicates with one index probe per event, even in a generic plan made before the day's statistics", async () => {
  const org = await createTestOrg("Store plan");
  const project = await prisma.project.create({ data: { id: newId("project"), orgId: org.orgId, name: "p", environment: "SANDBOX" } });
  const run = await prisma.run.create({ data: { id: newId("run"), orgId: org.orgId, projectId: project.id, selection: {}, status: "RUNNING", startedAt: new Date() } });
  await ensureEventPartitions(prisma, { from: new Date(Date.now() - DAY), days: 3 });
  const scope = { orgId: org.orgId, projectId: project.id };
  // 3,000 rows of this project already stored today.
  for (let b = 0; b < 30; b++) await storeEvents(scope, prepared(`seed-${b}`, 100, run.id));

  const batch = [...prepared("probe", 90, run.id), ...prepared("seed-7", 10, run.id)];
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // The plan a pooled connection settles on after a few executions, whatever the statistics.
    await client.query("SET LOCAL plan_cache_mode = force_generic_plan");
    const { text, values } = storeBatchStatement(scope, batch, new Date());
    await client.query(`PREPARE store_probe AS ${text}`);
    const { rows } = await client.query<{ "QUERY PLAN": { Plan: PlanNode }[] }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE store_probe(${(values ?? []).map(literal).join(", ")})`,
    );
    const scans = [...walk(rows[0]!["QUERY PLAN"][0]!.Plan)].filter((node) => node["Relation Name"]?.startsWith("events_p"));
    expect(scans.length).toBeGreaterThan(0);
    for (const scan of scans) {
      // Looked up by the batch's own keys, never a read of the project's rows.
      expect(scan["Index Cond"]).toContain("client_event_id");
      expect((scan["Actual Rows"] ?? 0) * (scan["Actual Loops"] ?? 0)).toBeLessThanOrEqual(batch.length);
    }
  } finally {
    await client.query("ROLLBACK");
    await client.query("DEALLOCATE store_probe").catch(() => undefined);
    client.release();
  }
});
