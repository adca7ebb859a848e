// docker-entrypoint.sh run as the container runs it, from the repo root instead of /app, against a
// scratch database of its own on the integration tests' PostgreSQL server: it must fail loudly
// without a database, time out with the reason, migrate, seed once, and exec the role's process.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, repoRoot, sleep, waitUntil } from "../support/processes";

const ENTRYPOINT = path.join(repoRoot, "docker-entrypoint.sh");
const HEALTHCHECK = path.join(repoRoot, "docker-healthcheck.sh");
const STANDALONE_SERVER = path.join(repoRoot, "apps/web/.next/standalone/apps/web/server.js");
const inCi = process.env.CI === "true";

const serverUrl = process.env.DATABASE_URL!;
const scratchName = `test_entrypoint_${process.pid}_${Date.now().toString(36)}`;
const scratchUrl = (() => {
  const url = new URL(serverUrl);
  url.pathname = `/${scratchName}`;
  return url.toString();
})();
const runtimeDir = mkdtempSync(path.join(os.tmpdir(), "bulwark-entrypoint-"));
const ADMIN_EMAIL = "first.owner@example.test";
const SEED_PASSWORD = "correct horse battery staple 42";

/** Only what the entrypoint is given, as in a container: no DATABASE_URL unless a test sets it. */
function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: `${path.dirname(process.execPath)}:${process.env.PATH ?? ""}`,
    HOME: process.env.HOME ?? os.tmpdir(),
    LOG_LEVEL: "warn",
    AUTH_SECRET: "entrypoint-test-secret-entrypoint-test-secret",
    BULWARK_RUNTIME_DIR: runtimeDir,
    ...extra,
  };
}

function runToExit(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 120_000) {
  const started = Date.now();
  const result = spawnSync("bash", [ENTRYPOINT, ...args], { cwd: os.tmpdir(), env, encoding: "utf8", timeout: timeoutMs });
  return { ...result, ms: Date.now() - started, output: `${result.stdout}${result.stderr}` };
}

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}
const running: Running[] = [];
function startRole(role: string, env: NodeJS.ProcessEnv): Running {
  const child = spawn("bash", [ENTRYPOINT, role], { cwd: os.tmpdir(), env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const handle = { child, output: () => output, exited };
  running.push(handle);
  return handle;
}

/** The command line of a pid: after `exec`, the entrypoint's pid runs the role's process. */
const commandLine = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await query(serverUrl, `CREATE DATABASE "${scratchName}"`);
});

afterAll(async () => {
  for (const handle of running) if (handle.child.exitCode === null && handle.child.signalCode === null) handle.child.kill("SIGKILL");
  await Promise.all(running.map((handle) => handle.exited));
  await query(serverUrl, `DROP DATABASE IF EXISTS "${scratchName}" WITH (FORCE)`);
  rmSync(runtimeDir, { recursive: true, force: true });
}, 60_000);

describe("docker-entrypoint.sh", () => {
  it("fails loudly without DATABASE_URL", () => {
    const run = runToExit(["migrate"], baseEnv({}));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("DATABASE_URL is required");
  });

  it("gives up on an unreachable database after BULWARK_DB_WAIT_SECONDS, saying why", async () => {
    const closedPort = await freePort();
    const run = runToExit(["migrate"], baseEnv({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${closedPort}/nowhere`, BULWARK_DB_WAIT_SECONDS: "3" }), 30_000);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("waiting up to 3s for the database");
    expect(run.stderr).toMatch(/the database did not answer within 3s \(last error: .*ECONNREFUSED.*\)/);
    expect(run.stderr).not.toContain("applying migrations");
    // bash's SECONDS counts whole seconds, so the wait may end up to one second early.
    expect(run.ms).toBeGreaterThanOrEqual(2_000);
    expect(run.ms).toBeLessThan(20_000);
  });

  it("refuses to seed without the seed variables, before touching anything else", () => {
    const run = runToExit(["migrate"], baseEnv({ DATABASE_URL: scratchUrl, BULWARK_SEED: "1", BULWARK_ADMIN_EMAIL: ADMIN_EMAIL }));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("BULWARK_SEED=1 needs BULWARK_SEED_PASSWORD_FILE or BULWARK_SEED_PASSWORD");
    const wrong = runToExit(["migrate"], baseEnv({ DATABASE_URL: scratchUrl, BULWARK_SEED: "yes" }));
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain("BULWARK_SEED must be 0 or 1, got 'yes'");
  });

  it("migrates a fresh database and seeds the first owner once (role migrate)", async () => {
    const passwordFile = path.join(runtimeDir, "seed-password");
    spawnSync("bash", ["-c", `umask 077; printf '%s' "$1" > "$2"`, "_", SEED_PASSWORD, passwordFile]);
    const env = baseEnv({ DATABASE_URL: scratchUrl, BULWARK_SEED: "1", BULWARK_ADMIN_EMAIL: ADMIN_EMAIL, BULWARK_SEED_ORG: "Acme Security", BULWARK_SEED_PASSWORD_FILE: passwordFile });

    const first = runToExit(["migrate"], env);
    expect(first.status, first.output).toBe(0);
    expect(first.stderr).toContain("applying migrations");
    expect(first.stderr).toContain("database ready");
    expect(first.stdout).toMatch(/Created organization org_\w+ owned by usr_\w+/);
    // The owner API key never reaches the (shipped) log, nor does the password.
    expect(first.output).not.toMatch(/bwk_|Owner API key/);
    expect(first.output).not.toContain(SEED_PASSWORD);

    const migrations = readdirSync(path.join(repoRoot, "prisma/migrations"), { withFileTypes: true }).filter((e) => e.isDirectory()).length;
    const [applied] = await query<{ n: string }>(scratchUrl, "SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL");
    expect(Number(applied!.n)).toBe(migrations);
    const tables = (await query<{ table_name: string }>(scratchUrl, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).map((r) => r.table_name);
    expect(tables).toEqual(expect.arrayContaining(["users", "organizations", "memberships", "api_keys"]));

    const users = await query<{ email: string; is_platform_admin: boolean }>(scratchUrl, "SELECT email, is_platform_admin FROM users");
    expect(users).toEqual([{ email: ADMIN_EMAIL, is_platform_admin: true }]);
    const orgs = await query<{ name: string }>(scratchUrl, "SELECT name FROM organizations");
    expect(orgs).toEqual([{ name: "Acme Security" }]);

    // Every restart may ask again: nothing changes the second time.
    const second = runToExit(["migrate"], env);
    expect(second.status, second.output).toBe(0);
    expect(second.stdout).toContain(`An account with the email ${ADMIN_EMAIL} already exists; nothing was created.`);
    expect(await query(scratchUrl, "SELECT id FROM users")).toHaveLength(1);
    expect(await query(scratchUrl, "SELECT id FROM organizations")).toHaveLength(1);
  }, 240_000);

  it("execs the worker, whose heartbeat the health check reads, and stops cleanly on SIGTERM", async () => {
    const worker = startRole("worker", baseEnv({ DATABASE_URL: scratchUrl, BULWARK_SKIP_MIGRATIONS: "1" }));
    const healthy = () => spawnSync("bash", [HEALTHCHECK], { env: baseEnv({}), encoding: "utf8" });
    await waitUntil(async () => (healthy().status === 0 ? true : undefined), 120_000, `the worker's heartbeat\n${worker.output()}`);
    expect(readFileSync(path.join(runtimeDir, "role"), "utf8")).toBe("worker\n");
    expect(commandLine(worker.child.pid!)).toMatch(/tsx apps\/worker\/src\/main\.ts/);
    expect(worker.output()).not.toContain("applying migrations");

    // A stale heartbeat is unhealthy, and says how stale.
    const stale = spawnSync("bash", [HEALTHCHECK, "worker"], { env: baseEnv({ BULWARK_WORKER_HEARTBEAT_MAX_AGE: "-1" }), encoding: "utf8" });
    expect(stale.status).toBe(1);
    expect(stale.stdout).toMatch(/last heartbeat \d+s ago/);

    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
  }, 180_000);

  it("execs the sidecar and the demo agent without a database, and the health check sees each", async () => {
    const sidecarPort = await freePort();
    const agentPort = await freePort();
    const bufferDir = path.join(runtimeDir, "sidecar-buffer");
    // No platform listens at BULWARK_URL: the sidecar still serves, buffering what it captures.
    const roles: { role: string; env: Record<string, string> }[] = [
      { role: "sidecar", env: { BULWARK_URL: `http://127.0.0.1:${await freePort()}`, BULWARK_SIDECAR_TOKEN: "bws_entrypointtest0123", SIDECAR_LISTEN: `127.0.0.1:${sidecarPort}`, SIDECAR_BUFFER_DIR: bufferDir } },
      { role: "demo-agent", env: { HOST: "127.0.0.1", PORT: String(agentPort), HTTP_PROXY: `http://127.0.0.1:${sidecarPort}` } },
    ];
    for (const { role, env } of roles) {
      const roleDir = path.join(runtimeDir, role);
      const handle = startRole(role, baseEnv({ ...env, BULWARK_RUNTIME_DIR: roleDir }));
      const check = () => spawnSync("bash", [HEALTHCHECK], { env: baseEnv({ ...env, BULWARK_RUNTIME_DIR: roleDir }), encoding: "utf8" });
      await waitUntil(async () => (check().status === 0 ? true : undefined), 60_000, `${role} health\n${handle.output()}`);
      expect(readFileSync(path.join(roleDir, "role"), "utf8")).toBe(`${role}\n`);
      expect(handle.output()).not.toContain("waiting up to");
      expect(commandLine(handle.child.pid!)).toContain(`apps/${role}/src/main.ts`);
      handle.child.kill("SIGTERM");
      await handle.exited;
      // Stopped, the same check fails.
      expect(check().status).toBe(1);
    }
  }, 180_000);

  it("execs the web app's standalone server, which answers /api/health (role web)", async (context) => {
    if (!existsSync(STANDALONE_SERVER)) {
      const reason = `no standalone build at ${path.relative(repoRoot, STANDALONE_SERVER)}: run \`npm run build\` first (CI builds before testing)`;
      if (inCi) throw new Error(reason);
      console.warn(`docker-entrypoint.sh web: skipped, ${reason}`);
      context.skip();
    }
    const port = await freePort();
    const web = startRole("web", baseEnv({ DATABASE_URL: scratchUrl, HOST: "127.0.0.1", PORT: String(port), BULWARK_INLINE_WORKER: "0", ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}) }));
    const health = await waitUntil(
      async () => {
        if (web.child.exitCode !== null) throw new Error(`web exited ${web.child.exitCode}:\n${web.output()}`);
        const response = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
        return response?.ok ? response : undefined;
      },
      120_000,
      `/api/health on port ${port}\n${web.output()}`,
    );
    expect(health.status).toBe(200);
    expect(web.output()).toContain("No pending migrations");
    // Next renames its process (`next-server (v…)`), so the exec shows in the executable and cwd.
    expect(path.basename(readlinkSync(`/proc/${web.child.pid}/exe`))).toBe("node");
    expect(readlinkSync(`/proc/${web.child.pid}/cwd`)).toBe(path.dirname(STANDALONE_SERVER));
    // The image's health check: readiness (database, queue, Redis) on PORT.
    const ready = await waitUntil(async () => {
      const check = spawnSync("bash", [HEALTHCHECK], { env: baseEnv({ PORT: String(port) }), encoding: "utf8" });
      return check.status === 0 ? check : undefined;
    }, 60_000, "docker-healthcheck.sh web");
    expect(ready.status).toBe(0);
    expect(readFileSync(path.join(runtimeDir, "role"), "utf8")).toBe("web\n");

    web.child.kill("SIGTERM");
    await Promise.race([web.exited, sleep(15_000)]);
    expect(web.child.exitCode !== null || web.child.signalCode !== null).toBe(true);
  }, 240_000);
});
