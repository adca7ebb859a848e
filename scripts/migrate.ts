// npm run db:migrate — applies prisma/migrations to DATABASE_URL, or to the embedded PostgreSQL
// (started just for this, unless it is already running) when DATABASE_URL is unset.
import { redactDatabaseUrl, startEmbeddedPostgres, type EmbeddedPostgresHandle } from "@bulwark/db/embedded";
import { applyMigrations } from "@bulwark/db/migrate";

async function main(): Promise<void> {
  let embedded: EmbeddedPostgresHandle | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    console.log(`Using DATABASE_URL (${redactDatabaseUrl(databaseUrl)}).`);
  } else {
    embedded = await startEmbeddedPostgres(undefined, { log: (line) => console.log(line) });
    databaseUrl = embedded.url;
  }
  try {
    const { applied } = await applyMigrations(databaseUrl);
    console.log(applied.length === 0
      ? "No pending migrations: the database is up to date."
      : `Applied ${applied.length} migration(s):\n${applied.map((name) => `  - ${name}`).join("\n")}`);
  } finally {
    if (embedded && !embedded.reused) {
      await embedded.stop();
      console.log("Stopped the embedded PostgreSQL.");
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
