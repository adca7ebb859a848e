import { JUDGE_ENV, parseEnv, TRACING_ENV } from "@bulwark/contracts";
import { z } from "zod";

export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("production"),
  /** PostgreSQL; when unset, the embedded server of BULWARK_DATA_DIR (which must be running). */
  DATABASE_URL: z
    .url()
    .refine((value) => ["postgres:", "postgresql:"].includes(new URL(value).protocol), "must be a postgres:// URL")
    .optional(),
  BULWARK_DATA_DIR: z.string().optional(),
  BULWARK_EMBEDDED_PG_PORT: z.string().regex(/^\d+$/, "must be a port number").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** The web app's AUTH_SECRET: the worker derives the keys that open connector secrets from it. */
  AUTH_SECRET: z.string().min(32, "must be the web app's AUTH_SECRET (at least 32 characters)"),
  /** Wait after each reply for the sidecar to ship the turn's egress, in ms. */
  BULWARK_EGRESS_GRACE_MS: z.coerce.number().int().min(0).max(30_000).default(1_500),
  /** A running run whose worker has been silent this long is taken over by another worker, in ms. */
  BULWARK_RUN_LEASE_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  /** Runs one worker executes at once. */
  BULWARK_RUN_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Touched every few seconds while the event loop turns: the container's liveness check reads it. */
  BULWARK_WORKER_HEARTBEAT_FILE: z.string().min(1).optional(),
  ...JUDGE_ENV,
  /** OpenTelemetry tracing over OTLP/HTTP; off unless OTEL_EXPORTER_OTLP_ENDPOINT is set. */
  ...TRACING_ENV,
});

export type Env = z.infer<typeof EnvSchema>;

export const env: Env = parseEnv(EnvSchema, process.env);
