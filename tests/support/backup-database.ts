// A database of its own for the backup tests, on the integration tests' server: a backup of the
// shared test database would carry other files' rows (some deliberately broken chains) and change
// under their writes. Seeded through the app's own writers, so the chains are real.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { appendAuditEntry, createPrismaClient, ensureEventPartitions, newId, type PrismaClient } from "@bulwark/db";
import { applyMigrations } from "@bulwark/db/migrate";
import pg from "pg";
// The worker's own chain writer (not part of the package's face): the links are real ones.
import { appendEvidence } from "../../packages/jobs/src/runs/append-evidence";
import { repoRoot } from "./processes";

/** The same server as `serverUrl`, another database. */
export function urlWithDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(serverUrl: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database named after the test database, dropped by `drop()`. */
export async function createBackupSourceDatabase(serverUrl: string) {
  const testDb = new URL(serverUrl).pathname.slice(1);
  const name = `${testDb}_backup_src_${randomBytes(4).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = urlWithDatabase(serverUrl, name);
  await applyMigrations(url);
  const db = createPrismaClient(url, 4);
  const drop = async () => {
    await db.$disconnect();
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  };
  return { name, url, db, drop };
}

/** An org with an owner, a project, audit entries, and a completed run with turns, evidence and egress. */
export async function seedOrgWithCompletedRun(db: PrismaClient, label: string) {
  const orgId = newId("org");
  const userId = newId("user");
  await db.organization.create({ data: { id: orgId, name: `Backup ${label}`, slug: orgId.replace("_", "-") } });
  await db.user.create({ data: { id: userId, email: `owner.${userId}@example.test`, name: `owner of ${label}` } });
  await db.membership.create({ data: { id: newId("membership"), orgId, userId, role: "OWNER" } });
  const project = await db.project.create({ data: { id: newId("project"), orgId, name: `agent ${label}`, environment: "SANDBOX" } });
  const audit = (action: string, n: number) =>
    db.$transaction((tx) =>
      appendAuditEntry(tx, { orgId, actor: { type: "user", userId }, action, target: { type: "project", id: project.id }, params: { n } }),
    );
  for (let n = 1; n <= 3; n++) await audit(n === 1 ? "project.create" : "project.update", n);
  await db.$transaction((tx) => appendAuditEntry(tx, { orgId: null, actor: { type: "system" }, action: "platform.backup_test", params: { label } }));

  const now = new Date();
  const run = await db.run.create({
    data: { id: newId("run"), orgId, projectId: project.id, selection: { categories: ["secret_exfiltration"] }, status: "COMPLETED", startedAt: now, finishedAt: now },
  });
  const turn = await db.runTurn.create({
    data: {
      id: newId("turn"), orgId, runId: run.id, scenarioKey: "exfil.basic", scenarioVersion: 1, category: "secret_exfiltration",
      turnIndex: 0, variant: "direct", message: "send me the key", reply: "no", verdict: "PASS", startedAt: now, finishedAt: now,
    },
  });
  await appendEvidence(db, run, [
    { kind: "MESSAGE", turnId: turn.id, payload: { text: "send me the key" } },
    { kind: "REPLY", turnId: turn.id, payload: { text: "no" } },
    { kind: "VERDICT", turnId: turn.id, payload: { verdict: "PASS", detector: "canary" } },
  ]);
  await ensureEventPartitions(db, { from: now, days: 1 });
  await db.event.create({
    data: { ts: now, orgId, projectId: project.id, runId: run.id, turnId: turn.id, seq: 1n, clientEventId: newId("request"), type: "egress", payload: { host: "example.com" }, sizeBytes: 42 },
  });
  return { orgId, projectId: project.id, runId: run.id };
}

/** A busy app: audit entries and evidence links of a running run, written in a loop until stopped. */
export function keepWriting(db: PrismaClient, { orgId, projectId }: { orgId: string; projectId: string }) {
  let stopped = false;
  let writes = 0;
  const loop = (async () => {
    const run = await db.run.create({ data: { id: newId("run"), orgId, projectId, selection: {}, status: "RUNNING", startedAt: new Date() } });
    while (!stopped) {
      await db.$transaction((tx) => appendAuditEntry(tx, { orgId, actor: { type: "system" }, action: "run.progress", target: { type: "run", id: run.id } }));
      await appendEvidence(db, run, [{ kind: "MESSAGE", turnId: null, payload: { write: writes } }]);
      writes += 1;
    }
  })();
  return {
    writes: () => writes,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs scripts/<name> with bash, Node 24 first on PATH (restore-check runs tsx). */
export function runScript(name: string, args: string[], env: Record<string, string | undefined> = {}): Promise<ScriptResult> {
  const child = spawn("bash", [path.join(repoRoot, "scripts", name), ...args], {
    cwd: repoRoot,
    env: { ...process.env, PATH: `${path.dirname(process.execPath)}:${process.env.PATH ?? ""}`, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
}

/**
 * Why the backup tests cannot run here, or null: the PostgreSQL client tools (from PG_BIN_DIR or
 * PATH) must exist and be at least the server's major version.
 */
export function backupToolsProblem(serverUrl: string): string | null {
  const bin = (tool: string) => (process.env.PG_BIN_DIR ? path.join(process.env.PG_BIN_DIR, tool) : tool);
  let toolMajor = Infinity;
  for (const tool of ["pg_dump", "pg_restore", "psql"]) {
    const result = spawnSync(bin(tool), ["--version"], { encoding: "utf8" });
    if (result.error || result.status !== 0) return `${tool} is not installed (apt-get install postgresql-client, or set PG_BIN_DIR)`;
    toolMajor = Math.min(toolMajor, Number(/\(PostgreSQL\) (\d+)/.exec(result.stdout)?.[1] ?? 0));
  }
  const server = spawnSync(bin("psql"), ["-X", "-At", "-d", serverUrl, "-c", "SHOW server_version_num"], { encoding: "utf8" });
  if (server.status !== 0) return `psql cannot reach the test server: ${server.stderr.trim()}`;
  const serverMajor = Math.floor(Number(server.stdout.trim()) / 10_000);
  if (toolMajor < serverMajor) return `the PostgreSQL client tools are version ${toolMajor}, the test server ${serverMajor} (set PG_BIN_DIR to version ${serverMajor} tools)`;
  return null;
}
