/**
 * Sidecar added latency, printed (a measurement, never a gate: it exits 0 unless it crashes).
 *
 *   npm run bench:sidecar [-- --requests 1000 --warmup 100 --block 50]
 *
 * Everything on loopback: a small upstream HTTP server, a stand-in platform (answers ingest
 * batches with every item stored, heartbeats with a SidecarConfig) and the real sidecar as its
 * own process (`node --import tsx apps/sidecar/src/main.ts`, as the integration tests run it).
 *
 * N sequential small GETs go to the upstream directly (keep-alive agent) and N through the sidecar
 * (absolute-form proxy requests, keep-alive agent to the proxy), after a warm-up of each. The two
 * paths alternate in blocks, in ABBA order, so drift (CPU frequency, GC, the shipper's batches)
 * falls on both alike. Added latency = proxied percentile − direct percentile.
 *
 * Target (issue 4): added latency at p50 < 2 ms.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { IngestResult, SidecarConfig } from "@bulwark/contracts";

const { values: flags } = parseArgs({
  options: {
    requests: { type: "string", default: "1000" },
    warmup: { type: "string", default: "100" },
    block: { type: "string", default: "50" },
  },
});
const REQUESTS = positiveInt("requests", flags.requests);
const WARMUP = positiveInt("warmup", flags.warmup);
const BLOCK = positiveInt("block", flags.block);
const TARGET_P50_MS = 2;

function positiveInt(name: string, raw: string | undefined): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return value;
}

const root = path.resolve(import.meta.dirname, "../..");
const MAIN = path.join(root, "apps/sidecar/src/main.ts");
const TOKEN = "bws_" + "bench0sidecar0latency0".padEnd(42, "0");
const UPSTREAM_BODY = JSON.stringify({ ok: true, items: [1, 2, 3], note: "small response" });

// --- loopback servers ------------------------------------------------------------------------------

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

function close(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

const upstream = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(UPSTREAM_BODY) }).end(UPSTREAM_BODY));
});

let heartbeats = 0;
let ingested = 0;
const config: SidecarConfig = { projectId: "prj_bench", configVersion: 1, toolDomains: [], internalHostSuffixes: [], sinkhole: false };
const platform = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const json = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (req.method === "POST" && req.url?.startsWith("/api/v1/ingest/heartbeat")) {
      heartbeats += 1;
      return json(200, config);
    }
    if (req.method === "POST" && req.url?.startsWith("/api/v1/ingest/events")) {
      const { events } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { events: { id?: string }[] };
      ingested += events.length;
      const result: IngestResult = {
        stored: events.length,
        duplicates: 0,
        rejected: 0,
        results: events.map((event, index) => ({ index, id: event.id ?? null, status: "stored" })),
      };
      return json(200, result);
    }
    json(404, { error: { code: "not_found", message: "no such route", requestId: "req_bench" } });
  });
});

// --- measurement ------------------------------------------------------------------------------------

/** Requests per agent that went out on a fresh connection (keep-alive should keep this at 1). */
const freshSockets = new Map<http.Agent, number>();

function get(options: http.RequestOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const req = http.request({ method: "GET", ...options }, (res) => {
      if (!req.reusedSocket && options.agent instanceof http.Agent) freshSockets.set(options.agent, (freshSockets.get(options.agent) ?? 0) + 1);
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => {
        const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
        if (res.statusCode !== 200 || bytes !== Buffer.byteLength(UPSTREAM_BODY)) reject(new Error(`unexpected response: ${res.statusCode}, ${bytes} bytes`));
        else resolve(elapsed);
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

const ms = (value: number) => `${value.toFixed(3)} ms`;

// --- run ----------------------------------------------------------------------------------------------

const bufferDir = mkdtempSync(path.join(os.tmpdir(), "bw-bench-sidecar-"));
const directAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const proxyAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
let child: ReturnType<typeof spawn> | undefined;
let exitCode = 0;

try {
  const upstreamPort = await listen(upstream);
  const platformPort = await listen(platform);

  child = spawn(process.execPath, ["--import", "tsx", MAIN], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      BULWARK_URL: `http://127.0.0.1:${platformPort}`,
      BULWARK_SIDECAR_TOKEN: TOKEN,
      SIDECAR_LISTEN: "127.0.0.1:0",
      SIDECAR_BUFFER_DIR: bufferDir,
      SIDECAR_SINKHOLE: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const sidecar = child;
  let output = "";
  sidecar.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  sidecar.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const proxyPort = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sidecar did not start:\n${output}`)), 20_000);
    sidecar.stdout?.on("data", () => {
      const match = /listening on [^\s]+:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    sidecar.on("exit", (code) => reject(new Error(`sidecar exited with ${code}:\n${output}`)));
  });
  const deadline = Date.now() + 10_000;
  while (heartbeats === 0) {
    if (Date.now() > deadline) throw new Error(`no heartbeat from the sidecar:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }

  const target = `http://127.0.0.1:${upstreamPort}/small`;
  const direct = () => get({ host: "127.0.0.1", port: upstreamPort, path: "/small", agent: directAgent });
  const proxied = () => get({ host: "127.0.0.1", port: proxyPort, path: target, headers: { host: `127.0.0.1:${upstreamPort}` }, agent: proxyAgent });

  for (let i = 0; i < WARMUP; i++) await direct();
  for (let i = 0; i < WARMUP; i++) await proxied();

  const directMs: number[] = [];
  const proxiedMs: number[] = [];
  const started = Date.now();
  for (let block = 0; directMs.length < REQUESTS || proxiedMs.length < REQUESTS; block++) {
    // ABBA: direct first in blocks 0 and 3 of every four, proxied first in 1 and 2
    const order = block % 4 === 0 || block % 4 === 3 ? ([direct, proxied] as const) : ([proxied, direct] as const);
    for (const send of order) {
      const into = send === direct ? directMs : proxiedMs;
      const count = Math.min(BLOCK, REQUESTS - into.length);
      for (let i = 0; i < count; i++) into.push(await send());
    }
  }
  const seconds = (Date.now() - started) / 1000;

  // let the shipper deliver what the proxied requests produced (a sanity check that it ran)
  const expectedEvents = WARMUP + REQUESTS;
  const shipDeadline = Date.now() + 15_000;
  while (ingested < expectedEvents && Date.now() < shipDeadline) await new Promise((resolve) => setTimeout(resolve, 50));

  const cpus = os.cpus();
  console.log("machine");
  console.log(`  ${os.type()} ${os.release()} ${os.arch()}; ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}; ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM; load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  console.log(`  node ${process.version}`);
  console.log("setup");
  console.log(`  ${REQUESTS} sequential GETs each way after ${WARMUP} warm-up each, alternating blocks of ${BLOCK} (ABBA), ${seconds.toFixed(2)} s`);
  console.log(`  upstream body ${Buffer.byteLength(UPSTREAM_BODY)} bytes; keep-alive agents (client → upstream, client → sidecar): ${freshSockets.get(directAgent) ?? 0} and ${freshSockets.get(proxyAgent) ?? 0} connection(s) opened`);
  console.log(`  sidecar events shipped to the stand-in platform: ${ingested} of ${expectedEvents} expected; heartbeats ${heartbeats}`);
  console.log("results");
  const row = (label: string, p50: string, p95: string, p99: string) => console.log(`  ${label.padEnd(16)} ${p50.padStart(12)} ${p95.padStart(12)} ${p99.padStart(12)}`);
  row("", "p50", "p95", "p99");
  const ps = [50, 95, 99] as const;
  const d = ps.map((p) => percentile(directMs, p));
  const x = ps.map((p) => percentile(proxiedMs, p));
  const added = x.map((value, i) => value - d[i]!);
  row("direct", ...(d.map(ms) as [string, string, string]));
  row("via sidecar", ...(x.map(ms) as [string, string, string]));
  row("added", ...(added.map(ms) as [string, string, string]));
  const p50Added = added[0]!;
  console.log(`\n  added latency at p50: ${ms(p50Added)}   target < ${TARGET_P50_MS} ms   ${p50Added < TARGET_P50_MS ? "PASS" : "FAIL"}`);
} catch (error) {
  exitCode = 1;
  console.error(error);
} finally {
  directAgent.destroy();
  proxyAgent.destroy();
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child!.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child!.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }
  await close(upstream);
  await close(platform);
  rmSync(bufferDir, { recursive: true, force: true });
}
process.exit(exitCode);
