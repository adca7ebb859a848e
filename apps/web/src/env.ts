import "server-only";
import { parseEnv } from "@bulwark/contracts";
import { z } from "zod";

const optionalUrl = (protocols: string[]) =>
  z
    .url()
    .refine((value) => protocols.includes(new URL(value).protocol), `must use ${protocols.join(" or ")}`)
    .optional();

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** PostgreSQL. When unset, `npm start` runs the embedded server and sets this for the app. */
    DATABASE_URL: optionalUrl(["postgres:", "postgresql:"]),
    /** Self-hosted Redis for rate limits; optional. */
    REDIS_URL: optionalUrl(["redis:", "rediss:"]),
    UPSTASH_REDIS_REST_URL: optionalUrl(["https:", "http:"]),
    UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** `1` runs the queue worker inside the web process (the single-node default of `npm start`). */
    BULWARK_INLINE_WORKER: z.enum(["0", "1"]).default("0"),
    BULWARK_VERSION: z.string().default("0.1.0"),
    /**
     * Signs and encrypts session cookies. `npm start` generates one into BULWARK_DATA_DIR when
     * unset; deployments must set it (e.g. `openssl rand -base64 32`).
     */
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try `openssl rand -base64 32`)"),
    /** The public URL users open (e.g. https://bulwark.example.com); the same-origin checks use it. */
    AUTH_URL: optionalUrl(["https:", "http:"]),
    /** `1` when a reverse proxy you control terminates TLS and sets X-Forwarded-Proto. */
    TRUST_PROXY: z.enum(["0", "1"]).default("0"),
    /** Where `npm start` keeps the embedded PostgreSQL and other local state. */
    BULWARK_DATA_DIR: z.string().optional(),
    BULWARK_EMBEDDED_PG_PORT: z.string().regex(/^\d+$/, "must be a port number").optional(),
  })
  .refine((env) => Boolean(env.UPSTASH_REDIS_REST_URL) === Boolean(env.UPSTASH_REDIS_REST_TOKEN), {
    message: "UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN must be set together",
    path: ["UPSTASH_REDIS_REST_TOKEN"],
  });

export type Env = z.infer<typeof EnvSchema>;

export const env: Env = parseEnv(EnvSchema, process.env);
