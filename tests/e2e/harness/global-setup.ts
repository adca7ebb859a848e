import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { findRepoRoot } from "@bulwark/db/migrate";
import type { TestProject } from "vitest/node";
import { findChromium, INSTALL_HINT } from "./chromium";
import type { E2eContext } from "./context";
import { prepareE2eDatabase } from "./database";
import { harnessEnv } from "./env";
import { ensureWebBuild, startWebServer } from "./server";

/**
 * The browser tests' world, once per vitest run: Chromium located, the e2e database re-created
 * and migrated, apps/web built if stale, and `next start` serving it on a free port.
 *
 * Without Chromium: in CI (or with BULWARK_E2E_REQUIRED=1) the run fails here; on a laptop the
 * browser tests are reported as skipped, with the reason printed before and after the run, and
 * nothing else is started.
 */
export default async function setup(project: TestProject) {
  const env = harnessEnv();
  const root = findRepoRoot();
  const chromiumPath = findChromium(env.chromiumPath);
  if (!chromiumPath) {
    const reason = `Chromium is not installed, so the browser tests (tests/e2e) cannot run.\n${INSTALL_HINT}`;
    if (env.browserRequired) throw new Error(`${reason}\n(Browser tests are required here: CI or BULWARK_E2E_REQUIRED is set.)`);
    const banner = `\n${"!".repeat(100)}\nBROWSER TESTS SKIPPED: ${reason}\nCI runs them and fails without a browser.\n${"!".repeat(100)}\n`;
    console.warn(banner);
    project.provide("e2e", { ready: false, skipReason: "Chromium is not installed (see the message at the end of the run)" } satisfies E2eContext);
    return () => console.warn(banner);
  }

  const outDir = path.join(root, "test-results");
  const screenshotDir = path.join(outDir, "screenshots");
  rmSync(screenshotDir, { recursive: true, force: true });
  mkdirSync(screenshotDir, { recursive: true });

  // The build takes a minute when needed; the database meanwhile takes seconds.
  const [database, build] = await Promise.allSettled([
    prepareE2eDatabase(env),
    ensureWebBuild(root, path.join(outDir, "e2e-build.log"), env.inherited),
  ]);
  if (database.status === "rejected") throw database.reason;
  let server;
  try {
    if (build.status === "rejected") throw build.reason;
    server = await startWebServer(root, { databaseUrl: database.value.url, logFile: path.join(outDir, "e2e-server.log"), inherited: env.inherited });
  } catch (error) {
    await database.value.stop();
    throw error;
  }

  project.provide("e2e", { ready: true, baseUrl: server.baseUrl, chromiumPath, databaseUrl: database.value.url, screenshotDir } satisfies E2eContext);
  return async () => {
    await server.stop();
    await database.value.stop();
  };
}
