// Applies the committed migrations in prisma/migrations with `prisma migrate deploy`, the same
// way against the embedded server and an external DATABASE_URL.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { redactDatabaseUrl } from "./database-url";

export interface MigrationResult {
  /** Names of the migrations applied by this call (empty when the database was up to date). */
  applied: string[];
  output: string;
}

const DEPLOY_TIMEOUT_MS = 5 * 60_000;
const EXIT_GRACE_MS = 500;
const DONE = /^(All migrations have been successfully applied\.|No pending migrations to apply\.)\s*$/m;

export async function applyMigrations(databaseUrl: string): Promise<MigrationResult> {
  const root = findRepoRoot();
  const cli = createRequire(path.join(root, "package.json")).resolve("prisma/build/index.js");
  const { status, output } = await run(process.execPath, [cli, "migrate", "deploy"], {
    cwd: root,
    env: {
      // eslint-disable-next-line no-restricted-syntax -- the CLI child needs PATH, proxies, etc.
      ...process.env,
      DATABASE_URL: databaseUrl,
      CHECKPOINT_DISABLE: "1", // no update check: start-up must work offline
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      NO_COLOR: "1",
    },
  });
  const clean = maskPassword(output, databaseUrl);
  if (status !== "exit 0") {
    throw new Error(`prisma migrate deploy failed (${status}) against ${redactDatabaseUrl(databaseUrl)}:\n${clean.trim()}`);
  }
  // The tree under "The following migration(s) have been applied:" names one folder per line.
  const applied = [...clean.matchAll(/└─ ([^\s/]+)\/\s*$/gm)].map((match) => match[1] ?? "");
  return { applied, output: clean };
}

/**
 * The harness calls this before any destructive step (truncating, dropping, resetting): the
 * database name must say it is a test database — `test`, `test_*`, `*_test` or `*_test_*`.
 */
export function assertTestDatabase(databaseUrl: string): void {
  let name: string;
  try {
    name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ""));
  } catch {
    throw new Error("Refusing destructive test setup: the database URL cannot be parsed.");
  }
  if (!isTestDatabaseName(name)) {
    throw new Error(
      `Refusing destructive test setup against database "${name}" (${redactDatabaseUrl(databaseUrl)}): ` +
        `its name must be "test", start with "test_", end with "_test" or contain "_test_".`,
    );
  }
}

export function isTestDatabaseName(name: string): boolean {
  const n = name.toLowerCase();
  return n === "test" || n.startsWith("test_") || n.endsWith("_test") || n.includes("_test_");
}

/** The directory holding prisma/schema.prisma, found by walking up from this file. */
export function findRepoRoot(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "prisma", "schema.prisma"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No prisma/schema.prisma found above ${from}`);
  }
}

function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  return new Promise<{ status: string; output: string }>((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let finished: NodeJS.Timeout | undefined;
    let stoppedAfterDone = false;
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      // Prisma 6.19 with the pg adapter leaves a pooled connection open after deploy, so the
      // CLI lingers ~10s before exiting. Its last line means the work is committed.
      if (finished || !DONE.test(output)) return;
      finished = setTimeout(() => {
        stoppedAfterDone = true;
        child.kill("SIGTERM");
      }, EXIT_GRACE_MS);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const timer = setTimeout(() => child.kill("SIGKILL"), DEPLOY_TIMEOUT_MS);
    child.on("error", (error) => { clearTimeout(timer); reject(error); });
    child.on("close", (exitCode, signal) => {
      clearTimeout(timer);
      clearTimeout(finished);
      resolve({ status: stoppedAfterDone ? "exit 0" : signal ? `killed by ${signal}` : `exit ${exitCode}`, output });
    });
  });
}

// Prisma prints connection strings in some errors; mask the password wherever a URL shows it.
function maskPassword(text: string, databaseUrl: string): string {
  try {
    const { password } = new URL(databaseUrl);
    if (!password) return text;
    return text.replaceAll(`:${password}@`, ":***@").replaceAll(`:${decodeURIComponent(password)}@`, ":***@");
  } catch {
    return text;
  }
}
