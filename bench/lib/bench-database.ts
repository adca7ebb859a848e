import { randomBytes } from "node:crypto";
import { applyMigrations, assertTestDatabase, findRepoRoot } from "@bulwark/db/migrate";
import pg from "pg";
import { startTestDatabaseServer } from "../../packages/db/src/testing/test-database";
import { registerWebModuleHooks } from "../../scripts/lib/web-module-hooks";

export interface BenchDatabase {
  /** e.g. `test_bench`: a sibling of the test database on the same server. */
  name: string;
  url: string;
  /** Drops the database (unless kept) and stops an embedded server. */
  close(options: { keep: boolean }): Promise<void>;
}

/**
 * A fresh, migrated database `<test database>_<suffix>` for a benchmark, on DATABASE_URL's
 * server (which must name a test database) or the embedded test server. Destructive: an
 * existing one of that name is dropped first. The web modules are then pointed at it in
 * production mode (what a deployment runs), silent, with no Redis, before any of them loads.
 */
export async function openBenchDatabase(suffix: string): Promise<BenchDatabase> {
  const server = await startTestDatabaseServer({ DATABASE_URL: process.env.DATABASE_URL });
  assertTestDatabase(server.url);
  const name = `${decodeURIComponent(new URL(server.url).pathname.slice(1))}_${suffix}`;
  const target = new URL(server.url);
  target.pathname = `/${encodeURIComponent(name)}`;
  const url = target.toString();
  assertTestDatabase(url);

  const quoted = `"${name.replaceAll('"', '""')}"`;
  const admin = async (sql: string[]) => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      for (const statement of sql) await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin([`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`, `CREATE DATABASE ${quoted}`]);
  await applyMigrations(url);

  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64");
  process.env.LOG_LEVEL = "silent";
  // Measure what production runs: development and tests also check every response against its schema.
  (process.env as Record<string, string>).NODE_ENV = "production";
  delete process.env.REDIS_URL; // no Redis: rate limits count in this process
  delete process.env.UPSTASH_REDIS_REST_URL;
  delete process.env.UPSTASH_REDIS_REST_TOKEN;
  registerWebModuleHooks(findRepoRoot());

  return {
    name,
    url,
    async close({ keep }) {
      if (!keep) await admin([`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`]);
      await server.stop();
    },
  };
}
