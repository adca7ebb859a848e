import { newId } from "@bulwark/db/ids";
import { applyMigrations, assertTestDatabase } from "@bulwark/db/migrate";
import { startTestDatabaseServer } from "@bulwark/db/testing";
import pg from "pg";
import type { HarnessEnv } from "./env";

export interface E2eDatabase {
  url: string;
  /** Stops the embedded server when this setup started it; otherwise does nothing. */
  stop(): Promise<void>;
}

/**
 * The browser tests' own database, `<test database>_e2e`, on the same server the integration
 * project uses (DATABASE_URL, else the embedded server in .bulwark/test). Its own database, not
 * the shared one: integration tests flip platform-wide state (the sign-up mode, the first
 * account) while browser tests sign up through the real pages, and both run at the same time.
 * Dropped and re-created on every run, then migrated and seeded (see seedPlatform).
 */
export async function prepareE2eDatabase(env: HarnessEnv): Promise<E2eDatabase> {
  // The same server as packages/db/src/testing/global-setup.ts; teardown runs in reverse, so
  // the setup that started an embedded server stops it last.
  const { url: serverUrl, stop } = await startTestDatabaseServer({ DATABASE_URL: env.databaseUrl, BULWARK_TEST_PG_PORT: env.embeddedPgPort });
  try {
    // A name that marks a test database keeps the mark with "_e2e" appended; one that does not is refused.
    assertTestDatabase(serverUrl);
    const url = new URL(serverUrl);
    const name = `${decodeURIComponent(url.pathname.slice(1))}_e2e`;
    url.pathname = `/${encodeURIComponent(name)}`;
    await recreateDatabase(serverUrl, name);
    await applyMigrations(url.toString());
    await seedPlatform(url.toString());
    return { url: url.toString(), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function recreateDatabase(serverUrl: string, name: string): Promise<void> {
  const client = await connectToServer(serverUrl);
  try {
    const db = client.escapeIdentifier(name);
    // FORCE: a server left behind by a killed run may still hold connections.
    await client.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${db}`);
  } catch (error) {
    throw new Error(`Could not re-create the browser tests' database "${name}" (the role in DATABASE_URL needs CREATEDB): ${(error as Error).message}`);
  } finally {
    await client.end();
  }
}

/**
 * A session on the server of `serverUrl`: in its own database when that exists (it need not when
 * only the browser tests run: the integration setup never creates it), else in `postgres`.
 */
async function connectToServer(serverUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: serverUrl });
  try {
    await client.connect();
    return client;
  } catch (error) {
    if ((error as { code?: string }).code !== "3D000") throw error; // 3D000: no such database
    const maintenance = new URL(serverUrl);
    maintenance.pathname = "/postgres";
    const fallback = new pg.Client({ connectionString: maintenance.toString() });
    await fallback.connect();
    return fallback;
  }
}

/**
 * Platform state every browser test may rely on, whatever order the files run in:
 * - sign-up is OPEN (the product's default is INVITE_ONLY), so tests can sign up through the page;
 * - a platform operator account exists, so no test's account is ever "the first account ever"
 *   (which would make it a platform administrator). It has no password: nobody signs in as it.
 */
async function seedPlatform(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO platform_settings (id, signup_mode, updated_at) VALUES ('platform', 'OPEN', now())
       ON CONFLICT (id) DO UPDATE SET signup_mode = 'OPEN', updated_at = now()`,
    );
    await client.query(
      `INSERT INTO users (id, email, name, is_platform_admin, updated_at) VALUES ($1, $2, $3, true, now())`,
      [newId("user"), "platform-operator@e2e.example.test", "Platform operator (browser-test seed)"],
    );
  } finally {
    await client.end();
  }
}
