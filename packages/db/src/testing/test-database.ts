import { embeddedSettings } from "../database-url";
import { startEmbeddedPostgres } from "../embedded";

/**
 * The server the test suites run against: DATABASE_URL when set, otherwise an embedded server of
 * their own in .bulwark/test (so it never touches `npm start`'s data). Whichever global setup
 * starts the embedded server owns it; a second one reuses it, and `stop` is then a no-op.
 */
export async function startTestDatabaseServer(env: { DATABASE_URL?: string | undefined; BULWARK_TEST_PG_PORT?: string | undefined }) {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, stop: async () => {} };
  const settings = {
    ...embeddedSettings({ BULWARK_DATA_DIR: ".bulwark/test", BULWARK_EMBEDDED_PG_PORT: env.BULWARK_TEST_PG_PORT ?? "54330" }),
    database: "bulwark_test",
  };
  const embedded = await startEmbeddedPostgres(settings);
  return { url: embedded.url, stop: embedded.stop };
}
