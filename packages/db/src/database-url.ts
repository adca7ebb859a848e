import path from "node:path";

/** Where the embedded PostgreSQL keeps its data and which port it listens on. */
/** Environment variables as read here: any subset, so callers can pass their own validated env. */
type EnvSource = Record<string, string | undefined>;

export function embeddedSettings(env: EnvSource = process.env) {
  // The ignore comments keep Next's file tracing from pulling the whole repo into the build.
  const dataDir = path.resolve(/*turbopackIgnore: true*/ env.BULWARK_DATA_DIR ?? ".bulwark");
  const port = Number(env.BULWARK_EMBEDDED_PG_PORT ?? 54329);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`BULWARK_EMBEDDED_PG_PORT must be a TCP port (1-65535), got "${env.BULWARK_EMBEDDED_PG_PORT}"`);
  }
  return { dataDir, pgDir: path.join(/*turbopackIgnore: true*/ dataDir, "postgres"), port, database: "bulwark", user: "postgres", password: "bulwark" };
}

export type EmbeddedSettings = ReturnType<typeof embeddedSettings>;

/** DATABASE_URL when set; otherwise the embedded server's URL (the embedded default). */
export function resolveDatabaseUrl(env: EnvSource = process.env): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  return embeddedDatabaseUrl(embeddedSettings(env));
}

/** The embedded server's URL; `port` differs from the settings only when reusing a server. */
export function embeddedDatabaseUrl(s: EmbeddedSettings, port: number = s.port): string {
  return `postgresql://${s.user}:${s.password}@127.0.0.1:${port}/${s.database}`;
}

/** The URL with its password masked, for logs and error messages. */
export function redactDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "<unparseable database URL>";
  }
}
