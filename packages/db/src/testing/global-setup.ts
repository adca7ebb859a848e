import pg from "pg";
import type { TestProject } from "vitest/node";
import { embeddedSettings } from "../database-url";
import { startEmbeddedPostgres } from "../embedded";
import { applyMigrations, assertTestDatabase } from "../migrate";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * Integration tests run against a real PostgreSQL: DATABASE_URL when set, otherwise an
 * embedded server of their own (data in .bulwark/test, so it never touches `npm start`'s).
 * The schema is reset and migrated once per run; tests then isolate themselves by creating
 * their own organization, so files run in parallel without truncating tables.
 */
export default async function setup(project: TestProject) {
  let stopEmbedded: (() => Promise<void>) | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const settings = {
      ...embeddedSettings({ BULWARK_DATA_DIR: ".bulwark/test", BULWARK_EMBEDDED_PG_PORT: process.env.BULWARK_TEST_PG_PORT ?? "54330" }),
      database: "bulwark_test",
    };
    const embedded = await startEmbeddedPostgres(settings);
    databaseUrl = embedded.url;
    stopEmbedded = embedded.stop;
  }

  // Destructive from here on: refuse anything whose name does not say it is for tests.
  assertTestDatabase(databaseUrl);
  await resetSchema(databaseUrl);
  await applyMigrations(databaseUrl);

  process.env.DATABASE_URL = databaseUrl;
  project.provide("databaseUrl", databaseUrl);

  return async () => {
    await stopEmbedded?.();
  };
}

async function resetSchema(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE");
    await client.query("DROP SCHEMA IF EXISTS pgboss CASCADE");
    await client.query("CREATE SCHEMA public");
  } finally {
    await client.end();
  }
}
