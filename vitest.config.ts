import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

const shared = {
  alias: [
    { find: /^@\//, replacement: `${path.join(root, "apps/web/src")}/` },
    // `server-only` throws outside Next's server bundles; tests are server code already.
    { find: /^server-only$/, replacement: path.join(root, "packages/db/src/testing/empty-module.ts") },
  ],
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: shared,
        test: {
          name: "unit",
          environment: "node",
          env: { LOG_LEVEL: "silent" },
          include: ["apps/**/src/**/*.test.ts", "packages/**/src/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/.next/**", "**/*.int.test.ts"],
        },
      },
      {
        resolve: shared,
        test: {
          name: "integration",
          environment: "node",
          env: { LOG_LEVEL: "silent" },
          include: ["apps/**/src/**/*.int.test.ts", "packages/**/src/**/*.int.test.ts", "tests/**/*.int.test.ts"],
          exclude: ["**/node_modules/**", "**/.next/**"],
          globalSetup: ["packages/db/src/testing/global-setup.ts"],
          setupFiles: ["packages/db/src/testing/setup-env.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
