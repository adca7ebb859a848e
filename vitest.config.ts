import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

// next-auth's ESM build imports `next/server` without an extension, which Next's bundler
// accepts and Node's loader does not: let vite resolve it instead.
const server = { deps: { inline: ["next-auth", "@auth/core"] } };

const shared = {
  alias: [
    { find: /^@\//, replacement: `${path.join(root, "apps/web/src")}/` },
    // `server-only` throws outside Next's server bundles; tests are server code already.
    { find: /^server-only$/, replacement: path.join(root, "packages/db/src/testing/empty-module.ts") },
  ],
};

// Fixed, test-only values: the suite signs its own session cookies with this secret.
const TEST_ENV = { LOG_LEVEL: "silent", AUTH_SECRET: "test-only-secret-test-only-secret-0123456789" };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: shared,
        test: {
          name: "unit",
          server,
          environment: "node",
          env: TEST_ENV,
          include: ["apps/**/src/**/*.test.ts", "packages/**/src/**/*.test.ts", "scripts/**/*.test.ts", "tests/deploy/**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/.next/**", "**/*.int.test.ts"],
        },
      },
      {
        resolve: shared,
        test: {
          name: "integration",
          server,
          environment: "node",
          env: TEST_ENV,
          include: ["apps/**/src/**/*.int.test.ts", "packages/**/src/**/*.int.test.ts", "tests/**/*.int.test.ts"],
          exclude: ["**/node_modules/**", "**/.next/**"],
          globalSetup: ["packages/db/src/testing/global-setup.ts"],
          setupFiles: ["packages/db/src/testing/setup-env.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Real Chromium (playwright-core) against the built app and real PostgreSQL; the global
        // setup builds apps/web when stale and runs `next start` on its own database.
        test: {
          name: "e2e",
          environment: "node",
          include: ["tests/e2e/**/*.e2e.test.ts"],
          exclude: ["**/node_modules/**", "**/.next/**"],
          globalSetup: ["tests/e2e/harness/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
