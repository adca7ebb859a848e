/**
 * Ingest throughput, printed (a measurement, never a gate: it exits 0 unless it crashes).
 *
 *   npm run bench:ingest [-- --batches 600 --rounds 3 --concurrency 4 --keep]
 *
 * Against DATABASE_URL (which must name a test database) or the embedded test server, in a
 * dedicated database `<name>_bench` on the same server, created, migrated and dropped here.
 *
 * 1. Full path: the real POST /api/v1/ingest/events handler called in-process with real Request
 *    objects of 100 `egress.http` events each — sidecar token auth, rate limit (in-process, with
 *    a huge limit), schema validation, redaction (packages/detect), run attribution, dedupe,
 *    per-run sequence numbers and the bulk insert — with C batches in flight.
 * 2. Raw path: the same rows (the stored payloads, after redaction; same columns) inserted
 *    with one `INSERT … SELECT FROM unnest(…)` per 100 rows over node-postgres, C in flight.
 *    1 and 2 alternate for R rounds, each phase starting after a CHECKPOINT, and the median round
 *    counts: PostgreSQL's own background work (autovacuum, checkpoints) lands on whichever phase
 *    it overlaps, so one pair is noisy.
 * 3. The full path again, paced at half the median rate of 1 (open loop: batches start on
 *    schedule whether or not earlier ones finished), for its batch latency.
 *
 * Targets (issue 4): full ≥ 40% of raw; p99 batch latency at half the maximum rate < 100 ms.
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { findRepoRoot } from "@bulwark/db/migrate";
import pg from "pg";
import { openBenchDatabase } from "../lib/bench-database";

const BATCH_SIZE = 100;
const DAY_MS = 86_400_000;

const { values: flags } = parseArgs({
  options: {
    // Phases of a few seconds, not one: a checkpoint or autovacuum pass inside a short phase
    // moves its round's ratio (rounds of 300 batches spread over 0.40–0.52 on one machine, of
    // 600 over 0.44–0.51).
    batches: { type: "string", default: "600" },
    rounds: { type: "string", default: "3" },
    concurrency: { type: "string", default: "4" },
    "half-seconds": { type: "string", default: "15" },
    keep: { type: "boolean", default: false },
  },
});
const BATCHES = positiveInt("batches", flags.batches);
const ROUNDS = positiveInt("rounds", flags.rounds);
const CONCURRENCY = positiveInt("concurrency", flags.concurrency);
const HALF_SECONDS = positiveInt("half-seconds", flags["half-seconds"]);

function positiveInt(name: string, raw: string | undefined): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return value;
}

// --- database, and the web modules configured before their env.ts and Prisma singleton load ---
const root = findRepoRoot();
const database = await openBenchDatabase("bench");
const benchName = database.name;
const benchUrl = database.url;

const { prisma, newId, ensureEventPartitions } = await import("@bulwark/db");
const { createTestOrg } = await import("@bulwark/db/testing");
const { redactJson } = await import("@bulwark/detect");
const { setPolicyOverride } = await import("../../apps/web/src/server/rate-limit/policies");
const { generateSecretToken } = await import("../../apps/web/src/server/auth/secret-token");
const { POST: ingest } = await import("../../apps/web/src/app/api/v1/ingest/events/route");

const HUGE = { limit: 1_000_000_000, windowMs: 60_000 };
setPolicyOverride("ingest", { rules: { principal: HUGE, org: HUGE } });

const org = await createTestOrg("Ingest benchmark");
const projectId = newId("project");
await prisma.project.create({ data: { id: projectId, orgId: org.orgId, name: "bench", environment: "SANDBOX" } });
const secret = generateSecretToken("bws");
await prisma.sidecarToken.create({
  data: { id: newId("sidecarToken"), orgId: org.orgId, projectId, name: "bench sidecar", prefix: secret.prefix, hash: secret.hash },
});
const run = await prisma.run.create({
  data: { id: newId("run"), orgId: org.orgId, projectId, selection: {}, status: "RUNNING", startedAt: new Date(Date.now() - 60_000) },
});
await ensureEventPartitions(prisma, { from: new Date(Date.now() - DAY_MS), days: 3 });

const raw = new pg.Pool({ connectionString: benchUrl, max: 10 }); // the same pool size as the app's Prisma client
// Dropping the database at the end terminates connections still closing; unhandled, the pool's
// "error" event would crash the run after its figures are printed.
raw.on("error", () => {});

// --- events ---------------------------------------------------------------------------------------
// Deterministic pseudo-random choices, so runs are comparable.
let seed = 42;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

const secrets = (JSON.parse(readFileSync(path.join(root, "packages/detect/corpus/positives.json"), "utf8")) as { value?: string }[])
  .flatMap((p) => (p.value && p.value.length < 200 ? [p.value] : []));
const hosts = [
  ["api.openai.com", "llm_provider", "/v1/chat/completions"],
  ["api.anthropic.com", "llm_provider", "/v1/messages"],
  ["api.github.com", "tool", "/repos/acme/app/issues"],
  ["hooks.slack.com", "tool", "/services/T000/B000/XXXX"],
  ["billing.internal.acme.test", "internal", "/v2/invoices"],
  ["pastebin.example", "attacker_sink", "/api/api_post.php"],
  ["www.wikipedia.org", "public_internet", "/wiki/Rate_limiting"],
] as const;
const words = "the agent asked for the quarterly report and summarised the customer ticket before calling the tool with a short list of invoice ids".split(" ");
const prose = (n: number) => Array.from({ length: n }, () => pick(words)).join(" ");

/** One sidecar-shaped event; about one in five carries a secret in its request body excerpt. */
function egressEvent(id: string, ts: string) {
  const [host, destinationClass, urlPath] = pick(hosts);
  const leak = rand() < 0.2 ? pick(secrets) : null;
  const request = { model: "gpt-4.1-mini", messages: [{ role: "user", content: prose(40 + Math.floor(rand() * 80)) }], ...(leak ? { note: `use ${leak} for the upload` } : {}) };
  const response = { id: `resp_${Math.floor(rand() * 1e9)}`, output: prose(30 + Math.floor(rand() * 60)), usage: { input: 812, output: 143 } };
  return {
    id,
    type: "egress.http",
    ts,
    runId: run.id,
    data: {
      method: "POST",
      scheme: "https",
      host,
      port: 443,
      path: urlPath,
      status: pick([200, 200, 200, 201, 429, 500]),
      bytesOut: 400 + Math.floor(rand() * 4000),
      bytesIn: 800 + Math.floor(rand() * 16000),
      durationMs: Math.round(rand() * 150_000) / 100,
      tls: true,
      destinationClass,
      hits: leak ? [{ type: "secret", kind: "API_KEY", location: "request.body$.note", preview: `${leak.slice(0, 4)}…` }] : [],
      requestBodyExcerpt: JSON.stringify(request).slice(0, 4096),
      responseBodyExcerpt: JSON.stringify(response).slice(0, 4096),
    },
  };
}
type Egress = ReturnType<typeof egressEvent>;

/** Batches with unique ids; event times spread over the last few seconds, all in today's partition. */
function makeBatches(phase: string, count: number): Egress[][] {
  const now = Date.now();
  return Array.from({ length: count }, (_, b) =>
    Array.from({ length: BATCH_SIZE }, (_, i) => egressEvent(`bench-${phase}-${b}-${i}`, new Date(now - 5_000 + Math.floor(rand() * 5_000)).toISOString())),
  );
}

// --- measuring ------------------------------------------------------------------------------------
interface PhaseResult {
  events: number;
  seconds: number;
  latencies: number[];
  /** CPU time of this process (every thread: JS, GC, I/O) per batch, in ms. */
  cpuMsPerBatch: number;
  /** CPU time of the whole machine (this process, PostgreSQL, anything else) per batch, in ms; null off Linux. */
  machineMsPerBatch: number | null;
}

/** Busy CPU time of the whole machine so far, in ms, from /proc/stat (Linux); null elsewhere. */
function machineBusyMs(): number | null {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n", 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
    return ((user + nice + system + irq + softirq + steal) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** Runs `work(i)` for i < count with `concurrency` in flight (closed loop). */
async function closedLoop(count: number, concurrency: number, work: (i: number) => Promise<void>): Promise<PhaseResult> {
  const latencies: number[] = [];
  let next = 0;
  const cpu = process.cpuUsage();
  const machine = machineBusyMs();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        await work(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const machineNow = machineBusyMs();
  const machineMsPerBatch = machine === null || machineNow === null ? null : (machineNow - machine) / count;
  return { events: count * BATCH_SIZE, seconds, latencies, cpuMsPerBatch: (used.user + used.system) / 1000 / count, machineMsPerBatch };
}

/** Starts `work(i)` every `intervalMs` whatever is still in flight (open loop); latency from the scheduled start. */
async function openLoop(count: number, intervalMs: number, work: (i: number) => Promise<void>): Promise<PhaseResult> {
  const latencies: number[] = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = started + i * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(work(i).then(() => void latencies.push(performance.now() - due)));
  }
  await Promise.all(pending);
  const used = process.cpuUsage(cpu);
  return { events: count * BATCH_SIZE, seconds: (performance.now() - started) / 1000, latencies, cpuMsPerBatch: (used.user + used.system) / 1000 / count, machineMsPerBatch: null };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

// --- the two paths --------------------------------------------------------------------------------
const bodies = (batches: Egress[][]) => batches.map((events) => JSON.stringify({ events }));

async function sendFull(body: string): Promise<void> {
  const response = await ingest(
    new Request("http://localhost:3000/api/v1/ingest/events", {
      method: "POST",
      headers: { authorization: `Bearer ${secret.token}`, "content-type": "application/json", "x-forwarded-for": "198.51.100.7" },
      body,
    }),
  );
  const result = (await response.json()) as { stored?: number };
  if (response.status !== 200 || result.stored !== BATCH_SIZE) {
    throw new Error(`ingest answered ${response.status}: ${JSON.stringify(result).slice(0, 500)}`);
  }
}

interface RawRows {
  ts: string[];
  runId: string[];
  seq: number[];
  clientEventId: string[];
  type: string[];
  payload: string[];
  sizeBytes: number[];
}
// Raw rows take their sequence numbers from here (well above the run's own counter, no clash).
let rawSeq = 1_000_000_000;

/** The rows the full path would store for these events: redacted payloads, same columns. Untimed. */
function rawRows(events: Egress[]): RawRows {
  const rows: RawRows = { ts: [], runId: [], seq: [], clientEventId: [], type: [], payload: [], sizeBytes: [] };
  for (const event of events) {
    const payload = JSON.stringify(redactJson(event.data).value);
    rows.ts.push(new Date(event.ts).toISOString());
    rows.runId.push(event.runId);
    rows.seq.push(rawSeq++);
    rows.clientEventId.push(event.id);
    rows.type.push(event.type);
    rows.payload.push(payload);
    rows.sizeBytes.push(Buffer.byteLength(payload, "utf8"));
  }
  return rows;
}

async function insertRaw(rows: RawRows): Promise<void> {
  await raw.query(
    `INSERT INTO events (ts, org_id, project_id, run_id, turn_id, seq, client_event_id, type, payload, size_bytes)
     SELECT r.ts, $1, $2, r.run_id, NULL, r.seq, r.client_event_id, r.type, r.payload, r.size_bytes
     FROM unnest($3::timestamptz[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::jsonb[], $9::int[])
       AS r(ts, run_id, seq, client_event_id, type, payload, size_bytes)`,
    [org.orgId, projectId, rows.ts, rows.runId, rows.seq, rows.clientEventId, rows.type, rows.payload, rows.sizeBytes],
  );
}

/**
 * Flushes what earlier phases wrote (CHECKPOINT) before a phase starts, so a checkpoint the
 * previous phase caused is not paid for inside the next one's measurement. Needs a superuser (or
 * pg_checkpoint); without one, phases simply start unsettled.
 */
let canCheckpoint = true;
async function settle(): Promise<void> {
  if (!canCheckpoint) return;
  await raw.query("CHECKPOINT").catch(() => {
    canCheckpoint = false;
    console.log("  (no CHECKPOINT privilege: phases start without flushing what earlier ones wrote)");
  });
}

// --- run ------------------------------------------------------------------------------------------
const rate = (r: PhaseResult) => r.events / r.seconds;
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const ms = (n: number) => `${n.toFixed(1)} ms`;
let exitCode = 0;

try {
  const [pgVersion] = (await raw.query<{ server_version: string }>("SHOW server_version")).rows;
  console.log(`ingest benchmark: ${BATCHES} batches × ${BATCH_SIZE} egress.http events per path, concurrency ${CONCURRENCY}`);
  console.log(`  database    ${benchName} (created for this run${flags.keep ? ", kept" : ", dropped at the end"}) on PostgreSQL ${pgVersion?.server_version ?? "?"}`);
  console.log(`  machine     ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`);
  console.log("  rate limit  ingest policy overridden to 1e9/min; no Redis, so the limiter counts in-process");
  console.log(`  app pool    Prisma (pg adapter) max 10 connections; raw path: node-postgres pool max 10\n`);

  // Warm-up, both paths: JIT, regex compilation, connection pools, plan caches.
  const warmFull = bodies(makeBatches("warm-full", 20));
  await closedLoop(warmFull.length, CONCURRENCY, (i) => sendFull(warmFull[i]!));
  const warmRaw = makeBatches("warm-raw", 20).map(rawRows);
  await closedLoop(warmRaw.length, CONCURRENCY, (i) => insertRaw(warmRaw[i]!));

  const rounds: { full: PhaseResult; raw: PhaseResult; ratio: number }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const fullBodies = bodies(makeBatches(`full-${r}`, BATCHES));
    const rawBatches = makeBatches(`raw-${r}`, BATCHES).map(rawRows);
    await settle();
    const full = await closedLoop(BATCHES, CONCURRENCY, (i) => sendFull(fullBodies[i]!));
    await settle();
    const raw = await closedLoop(BATCHES, CONCURRENCY, (i) => insertRaw(rawBatches[i]!));
    rounds.push({ full, raw, ratio: rate(full) / rate(raw) });
  }
  // The round with the median ratio stands for the run (its full and raw rates side by side).
  const median = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds.length / 2)]!;
  const { full, raw: rawResult, ratio } = median;

  const halfRate = rate(full) / 2;
  const intervalMs = (BATCH_SIZE / halfRate) * 1000;
  const halfCount = Math.max(20, Math.min(BATCHES, Math.floor((HALF_SECONDS * 1000) / intervalMs)));
  const halfBodies = bodies(makeBatches("half", halfCount));
  await settle();
  const half = await openLoop(halfCount, intervalMs, (i) => sendFull(halfBodies[i]!));

  const stored = await prisma.event.count({ where: { projectId } });
  const expected = (20 + 20 + 2 * BATCHES * ROUNDS + halfCount) * BATCH_SIZE;
  if (stored !== expected) throw new Error(`expected ${expected} stored events, found ${stored}`);

  const p99Half = percentile(half.latencies, 99);
  const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
  const row = (label: string, value: string, detail = "") => console.log(`  ${label.padEnd(34)} ${value.padStart(16)}   ${detail}`);

  console.log(`results (the median of ${ROUNDS} alternating rounds)`);
  row("full path (POST handler)", `${fmt(rate(full))} ev/s`, `${BATCHES} batches in ${full.seconds.toFixed(2)} s; batch p50 ${ms(percentile(full.latencies, 50))}, p95 ${ms(percentile(full.latencies, 95))}, p99 ${ms(percentile(full.latencies, 99))}`);
  row("raw INSERT … unnest", `${fmt(rate(rawResult))} ev/s`, `${BATCHES} batches in ${rawResult.seconds.toFixed(2)} s; batch p50 ${ms(percentile(rawResult.latencies, 50))}, p95 ${ms(percentile(rawResult.latencies, 95))}, p99 ${ms(percentile(rawResult.latencies, 99))}`);
  row("app CPU per batch, full / raw", `${full.cpuMsPerBatch.toFixed(1)} / ${rawResult.cpuMsPerBatch.toFixed(1)} ms`, "this process only; PostgreSQL shares the machine");
  if (full.machineMsPerBatch !== null && rawResult.machineMsPerBatch !== null) {
    const busy = (r: PhaseResult) => `${Math.round((r.machineMsPerBatch! * (r.events / BATCH_SIZE)) / (r.seconds * 10 * os.cpus().length))}%`;
    row("machine CPU per batch, full / raw", `${full.machineMsPerBatch.toFixed(1)} / ${rawResult.machineMsPerBatch.toFixed(1)} ms`, `every process; the machine was ${busy(full)} / ${busy(rawResult)} busy`);
  }
  row("ratio full / raw", ratio.toFixed(2), `target ≥ 0.40   ${verdict(ratio >= 0.4)}   (median of ${ROUNDS} rounds: ${rounds.map((r) => r.ratio.toFixed(2)).join(", ")})`);
  row(`full path at half rate`, `${fmt(rate(half))} ev/s`, `paced at ${fmt(halfRate)} ev/s (a batch every ${intervalMs.toFixed(1)} ms), ${halfCount} batches; p50 ${ms(percentile(half.latencies, 50))}, p95 ${ms(percentile(half.latencies, 95))}`);
  row("p99 batch latency at half rate", ms(p99Half), `target < 100 ms   ${verdict(p99Half < 100)}`);
  console.log(`\n  ${fmt(stored)} events stored in ${benchName}.events, as expected.`);
} catch (error) {
  exitCode = 1;
  console.error(error);
} finally {
  await raw.end();
  await prisma.$disconnect();
  await database.close({ keep: flags.keep });
}
process.exit(exitCode);
