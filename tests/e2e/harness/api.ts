import { spawn } from "node:child_process";
import pg from "pg";
import { createRequire } from "node:module";
import { findRepoRoot } from "@bulwark/db/migrate";
import { harnessEnv } from "./env";
import { e2eContext } from "./fixtures";

export interface BootstrappedOwner {
  orgId: string;
  userId: string;
  apiKey: string;
}

/**
 * `npm run admin -- bootstrap … --json` against the e2e database, as an operator runs it: an
 * organization, its owner (who can then sign in with `password`) and an owner API key.
 */
export async function bootstrapOwner({ org, email, password }: { org: string; email: string; password: string }): Promise<BootstrappedOwner> {
  const { databaseUrl } = e2eContext();
  const root = findRepoRoot();
  const tsx = createRequire(`${root}/package.json`).resolve("tsx/cli");
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, "scripts/admin.ts", "bootstrap", "--org", org, "--email", email, "--password-stdin", "--json"], {
      cwd: root,
      env: { ...harnessEnv().inherited, LOG_LEVEL: "silent", DATABASE_URL: databaseUrl },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(password);
  });
  if (code !== 0) throw new Error(`admin bootstrap failed (exit ${code}): ${stderr || stdout}`);
  return JSON.parse(stdout) as BootstrappedOwner;
}

/** A REST call with an API key, as automation makes it (no browser, no cookie). */
export async function apiWithKey(apiKey: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: unknown }> {
  const { baseUrl } = e2eContext();
  const response = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${apiKey}`, ...(init.body === undefined ? {} : { "content-type": "application/json" }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

/** Makes an existing account a platform administrator, as an operator would in the database. */
export async function makePlatformAdmin(email: string): Promise<void> {
  const client = new pg.Client({ connectionString: e2eContext().databaseUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("UPDATE users SET is_platform_admin = true WHERE email = $1", [email]);
    if (rowCount !== 1) throw new Error(`no account ${email} to make a platform administrator`);
  } finally {
    await client.end();
  }
}
