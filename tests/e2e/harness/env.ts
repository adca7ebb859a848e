// The one place the browser-test harness reads process.env. Read on each call, not at import:
// when `npm test` runs every project, the integration project's global setup runs first in the
// same process and may set DATABASE_URL to the embedded server it started.

function flag(value: string | undefined): boolean {
  return value !== undefined && !["", "0", "false", "no"].includes(value.trim().toLowerCase());
}

export function harnessEnv() {
  return {
    /** An explicit browser binary; when set it must exist. */
    chromiumPath: process.env.CHROMIUM_PATH || undefined,
    /** The test database server (same resolution as the integration project). */
    databaseUrl: process.env.DATABASE_URL || undefined,
    embeddedPgPort: process.env.BULWARK_TEST_PG_PORT ?? "54330",
    /**
     * A missing browser fails the run instead of skipping the browser tests: always in CI, and on
     * any machine that sets BULWARK_E2E_REQUIRED=1.
     */
    browserRequired: flag(process.env.CI) || flag(process.env.BULWARK_E2E_REQUIRED),
    /** What the app server and the CLI children inherit: a shell's basics, never its Bulwark config. */
    inherited: Object.fromEntries(
      ["PATH", "HOME", "TMPDIR", "LANG", "TZ"].flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])),
    ) as Record<string, string>,
  };
}

export type HarnessEnv = ReturnType<typeof harnessEnv>;
