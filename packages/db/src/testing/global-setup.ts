import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations, assertTestDatabase } from "../migrate";
import { startTestDatabaseServer } from "./test-database";

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
  const server = await startTestDatabaseServer(process.env);
  const databaseUrl = server.url;

  // Destructive from here on: refuse anything whose name does not say it is for tests.
  assertTestDatabase(databaseUrl);
  await resetSchema(databaseUrl);
  await applyMigrations(databaseUrl);

  process.env.DATABASE_URL = databaseUrl;
  project.provide("databaseUrl", databaseUrl);

  return async () => {
    await server.stop();
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
