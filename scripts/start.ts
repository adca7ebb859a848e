// npm start — README quick-start command one: database (embedded unless DATABASE_URL is set),
// migrations, a production build when stale, then Next with the queue worker in-process.
// npm run dev (`--dev`) does the same with `next dev` and no build.
//
// Environment: DATABASE_URL (else embedded PostgreSQL in BULWARK_DATA_DIR, default ./.bulwark),
// PORT (default 3000), HOST (default 127.0.0.1 so a laptop does not expose the app to its
// network; set HOST=0.0.0.0 in containers). HOSTNAME is deliberately not read: shells and
// Docker set it to the machine's name.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import {
  embeddedSettings, redactDatabaseUrl, startEmbeddedPostgres, type EmbeddedPostgresHandle,
} from "@bulwark/db/embedded";
import { applyMigrations, findRepoRoot } from "@bulwark/db/migrate";
import { buildReason } from "./lib/build-freshness";

const dev = process.argv.includes("--dev");
const root = findRepoRoot();
const webDir = path.join(root, "apps", "web");
const nextBin = createRequire(path.join(webDir, "package.json")).resolve("next/dist/bin/next");

let current: ChildProcess | undefined; // the build or the Next server, whichever runs now
let stopSignal: NodeJS.Signals | undefined;

function onSignal(signal: NodeJS.Signals): void {
  if (stopSignal) {
    current?.kill("SIGKILL"); // second Ctrl+C: stop waiting for a graceful shutdown
    return;
  }
  stopSignal = signal;
  console.log(`\nStopping (${signal})…`);
  current?.kill(signal);
}

async function main(): Promise<number> {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, onSignal);
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a TCP port, got "${process.env.PORT}"`);
  const host = process.env.HOST ?? "127.0.0.1";
  const settings = embeddedSettings();
  await assertPortFree(host, port);

  let db: EmbeddedPostgresHandle | undefined;
  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (databaseUrl) {
      console.log(`Using DATABASE_URL (${redactDatabaseUrl(databaseUrl)}).`);
    } else {
      db = await startEmbeddedPostgres(settings, { log: (line) => console.log(line) });
      databaseUrl = db.url;
    }
    if (stopSignal) return exitCodeOf(null, stopSignal);

    const { applied } = await applyMigrations(databaseUrl);
    console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}.` : "Database schema is up to date.");
    if (stopSignal) return exitCodeOf(null, stopSignal);

    // Next runs from the repo root (project dir as an argument): the bundled Prisma client finds
    // its query compiler under <cwd>/packages/db/src/generated/prisma, as in the container image.
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      BULWARK_DATA_DIR: settings.dataDir,
      AUTH_SECRET: process.env.AUTH_SECRET ?? ensureAuthSecret(settings.dataDir),
      NEXT_TELEMETRY_DISABLED: "1",
    };
    if (!dev) {
      const reason = buildReason(root);
      if (reason) {
        console.log(`Building the web app (${reason})…`);
        const code = await run([nextBin, "build", webDir], { cwd: root, env, stdio: "inherit" });
        if (code !== 0 || stopSignal) return code || exitCodeOf(null, stopSignal ?? "SIGINT");
      }
    }

    console.log(`Starting the web app (${dev ? "next dev" : "next start"}) on ${host}:${port}…`);
    const server = run([nextBin, dev ? "dev" : "start", webDir, "--port", String(port), "--hostname", host], {
      cwd: root,
      env: { ...env, PORT: String(port), BULWARK_INLINE_WORKER: "1" },
      stdio: "inherit",
    });
    void waitForHealth(host, port).then((ok) => ok && printWelcome(host, port, db ? settings.dataDir : undefined));
    return await server;
  } finally {
    if (db && !db.reused) {
      await db.stop();
      console.log("Stopped the embedded PostgreSQL.");
    }
  }
}

/**
 * The session-signing secret of a zero-configuration install: generated once into the data dir
 * (readable by this user only) so sessions survive restarts. Deployments set AUTH_SECRET.
 */
function ensureAuthSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function run(args: string[], options: SpawnOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, options);
    current = child;
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (current === child) current = undefined;
      resolve(exitCodeOf(code, signal));
    });
  });
}

function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  return code ?? 128 + (signal ? os.constants.signals[signal] : 0);
}

async function waitForHealth(host: string, port: number): Promise<boolean> {
  const probeHost = ["0.0.0.0", "::"].includes(host) ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  const url = `http://${probeHost}:${port}/api/health`;
  const started = Date.now();
  let warned = false;
  while (current && !stopSignal) {
    const status = await fetch(url, { signal: AbortSignal.timeout(5_000) }).then((r) => r.status, () => 0);
    if (status === 200) return true;
    if (!warned && Date.now() - started > 60_000) {
      warned = true;
      console.log(`Still waiting for ${url} (last status: ${status || "no answer"})…`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

function printWelcome(host: string, port: number, embeddedDataDir: string | undefined): void {
  const loopback = ["127.0.0.1", "localhost", "::1", "0.0.0.0", "::"].includes(host);
  const base = `http://${loopback ? "localhost" : host}:${port}`;
  console.log([
    "",
    `Bulwark is running${dev ? " (development mode)" : ""}: ${base}`,
    `  First time? Open ${base}/sign-up — the first account becomes the platform admin.`,
    "  Scripted setup instead: npm run admin -- bootstrap …",
    `  Database: ${embeddedDataDir ? `embedded PostgreSQL, data in ${embeddedDataDir}` : "DATABASE_URL"}`,
    "  Press Ctrl+C to stop.",
    "",
  ].join("\n"));
}

function assertPortFree(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => reject(new Error(
      error.code === "EADDRINUSE" ? `Port ${port} on ${host} is already in use. Stop what uses it or set PORT to another port.` : error.message,
    )));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
