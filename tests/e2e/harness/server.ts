import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync, readFileSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { buildReason } from "../../../scripts/lib/build-freshness";

// Fixed, test-only: sessions of the browser tests are signed with it, nothing else.
const AUTH_SECRET = "e2e-only-secret-e2e-only-secret-0123456789";
/** The built app's METRICS_TOKEN, so browser tests can scrape /api/metrics as Prometheus would. */
export const E2E_METRICS_TOKEN = "e2e-only-metrics-token-0123456789";

function nextCli(root: string): string {
  return createRequire(path.join(root, "apps", "web", "package.json")).resolve("next/dist/bin/next");
}

/**
 * Builds apps/web when its production build is missing or older than its inputs — the rule
 * `npm start` uses (scripts/lib/build-freshness.ts). CI builds before testing, so there this is
 * a no-op; on a laptop it is the first run after an edit. Output goes to `logFile`.
 */
export async function ensureWebBuild(root: string, logFile: string, inherited: Record<string, string>): Promise<void> {
  const reason = buildReason(root);
  if (!reason) return;
  console.log(`e2e: building apps/web for the browser tests (${reason}); log: ${path.relative(root, logFile)}`);
  const started = Date.now();
  const code = await runToLog([nextCli(root), "build", path.join(root, "apps", "web")], root, logFile, {
    ...inherited,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  if (code !== 0) throw new Error(`next build failed (exit ${code}); last lines of ${logFile}:\n${tail(logFile)}`);
  console.log(`e2e: built in ${Math.round((Date.now() - started) / 1000)}s`);
}

export interface WebServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * `next start apps/web` from the repo root, as scripts/start.ts runs it (the bundled Prisma client
 * finds its WebAssembly relative to the working directory), in its own process group so stop()
 * ends it and everything it spawned. Resolves once /api/ready answers 200.
 */
export async function startWebServer(
  root: string,
  { databaseUrl, logFile, inherited }: { databaseUrl: string; logFile: string; inherited: Record<string, string> },
): Promise<WebServer> {
  const pidFile = path.join(path.dirname(logFile), "e2e-server.pid");
  stopLeftoverServer(pidFile, root);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const fd = openSync(logFile, "w");
  const child = spawn(process.execPath, [nextCli(root), "start", path.join(root, "apps", "web"), "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", fd, fd],
    // Only what the app needs, so a developer's shell (SMTP_URL, REDIS_URL, OAuth ids…) cannot
    // change what the tests see. No Redis: rate limits count in this process, per run.
    env: {
      ...inherited,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET,
      METRICS_TOKEN: E2E_METRICS_TOKEN,
      BULWARK_INLINE_WORKER: "1",
      // One trusted proxy: each browser context sends its own X-Forwarded-For (see fixtures.ts),
      // so per-IP limits such as 10 sign-ups an hour apply per test, as they would per person.
      TRUST_PROXY: "1",
      LOG_LEVEL: "info",
    },
  });
  closeSync(fd);
  if (child.pid) writeFileSync(pidFile, `${child.pid}\n`);
  const exited = new Promise<string>((resolve) => child.once("exit", (code, signal) => resolve(signal ?? `exit ${code}`)));
  // Whatever happens to the test runner, the server must not outlive it.
  const killGroup = () => signalGroup(child, "SIGKILL");
  process.once("exit", killGroup);

  const stop = async () => {
    process.removeListener("exit", killGroup);
    rmSync(pidFile, { force: true });
    if (child.exitCode !== null || child.signalCode !== null) return signalGroup(child, "SIGKILL");
    signalGroup(child, "SIGTERM");
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
    clearTimeout(timer);
    // After a graceful exit this ends whatever Next left in its group; after the timeout, Next too.
    signalGroup(child, "SIGKILL");
    await exited;
  };

  const deadline = Date.now() + 120_000;
  for (;;) {
    const status = await fetch(`${baseUrl}/api/ready`, { signal: AbortSignal.timeout(5_000) }).then((r) => r.status, () => 0);
    if (status === 200) return { baseUrl, stop };
    const exit = await Promise.race([exited, sleep(250).then(() => undefined)]);
    if (exit || Date.now() > deadline) {
      await stop();
      throw new Error(
        `The app server ${exit ? `exited (${exit})` : `did not answer 200 on /api/ready within 120s (last status ${status || "none"})`}; ` +
          `last lines of ${logFile}:\n${tail(logFile)}`,
      );
    }
  }
}

/**
 * A runner killed with SIGKILL cannot stop its server; the next run does. Only a process that
 * still runs from this repo as a Next server is signalled (pids are reused). Linux only (/proc).
 */
function stopLeftoverServer(pidFile: string, root: string): void {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, "utf8").trim());
  } catch {
    return;
  }
  try {
    const title = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    if (readlinkSync(`/proc/${pid}/cwd`) === root && title.startsWith("next-server")) process.kill(-pid, "SIGKILL");
  } catch {
    // Gone already, or not inspectable here.
  }
  rmSync(pidFile, { force: true });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

function runToLog(args: string[], cwd: string, logFile: string, env: Record<string, string>): Promise<number> {
  const fd = openSync(logFile, "w");
  return new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", fd, fd] });
    child.once("error", reject);
    child.once("exit", (code) => resolve(code ?? 1));
  }).finally(() => closeSync(fd));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function tail(file: string, lines = 60): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
