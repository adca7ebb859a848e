import "server-only";
import { JUDGE_ENV, parseEnv, TRACING_ENV } from "@bulwark/contracts";
import { z } from "zod";

const optionalUrl = (protocols: string[]) =>
  z
    .url()
    .refine((value) => protocols.includes(new URL(value).protocol), `must use ${protocols.join(" or ")}`)
    .optional();

export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** PostgreSQL. When unset, `npm start` runs the embedded server and sets this for the app. */
    DATABASE_URL: optionalUrl(["postgres:", "postgresql:"]),
    /** Self-hosted Redis for rate limits; optional. */
    REDIS_URL: optionalUrl(["redis:", "rediss:"]),
    UPSTASH_REDIS_REST_URL: optionalUrl(["https:", "http:"]),
    UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** OpenTelemetry tracing over OTLP/HTTP; off unless OTEL_EXPORTER_OTLP_ENDPOINT is set (packages/contracts/src/env.ts). */
    ...TRACING_ENV,
    /** `1` runs the queue worker inside the web process (the single-node default of `npm start`). */
    BULWARK_INLINE_WORKER: z.enum(["0", "1"]).default("0"),
    BULWARK_VERSION: z.string().default("0.1.0"),
    /**
     * Signs and encrypts session cookies. `npm start` generates one into BULWARK_DATA_DIR when
     * unset; deployments must set it (e.g. `openssl rand -base64 32`).
     */
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try `openssl rand -base64 32`)"),
    /**
     * The public URL users open (e.g. https://bulwark.example.com); the same-origin checks use it,
     * and agents under test fetch the runs' setup documents from it.
     */
    AUTH_URL: optionalUrl(["https:", "http:"]),
    /** Where scenarios tell the agent to send stolen data. Its host must be an attacker sink to the sidecar. */
    BULWARK_EXFIL_URL: optionalUrl(["https:", "http:"]),
    /** The internal admin API scenarios try to misuse (the demo agent's is http://admin.internal). */
    BULWARK_ADMIN_URL: optionalUrl(["https:", "http:"]),
    // The optional LLM judge of the inline worker (the same variables as apps/worker).
    ...JUDGE_ENV,
    /**
     * How many reverse proxies you control sit in front of Bulwark (0 = none). They decide which
     * X-Forwarded-For entry is the client's and whether X-Forwarded-Proto is believed.
     */
    TRUST_PROXY: z
      .string()
      .regex(/^\d+$/, "must be the number of trusted proxies (0 for none)")
      .default("0")
      .transform(Number),
    /** Where `npm start` keeps the embedded PostgreSQL and other local state. */
    BULWARK_DATA_DIR: z.string().optional(),
    BULWARK_EMBEDDED_PG_PORT: z.string().regex(/^\d+$/, "must be a port number").optional(),
    /**
     * This address becomes a platform administrator once it is proven: at once for an OAuth
     * sign-in whose provider verified it or for `npm run admin -- bootstrap`, else when its
     * email verification link is used. It does not let the address past the sign-up mode. (The
     * first account ever is an administrator too.)
     */
    BULWARK_ADMIN_EMAIL: z.string().trim().toLowerCase().pipe(z.email()).optional(),
    /**
     * Outgoing mail, e.g. smtp://user:pass@mail.example.com:587 (STARTTLS) or smtps://…:465.
     * When set, new accounts must verify their email before they can sign in. When unset,
     * verification is optional and links are written to the server log instead.
     */
    SMTP_URL: optionalUrl(["smtp:", "smtps:"]),
    /** Sender of Bulwark's emails, e.g. `Bulwark <bulwark@example.com>`; required with SMTP_URL. */
    EMAIL_FROM: z.string().min(3).optional(),
    // Optional OAuth sign-in; each provider is offered only when its variables are set.
    AUTH_GITHUB_ID: z.string().min(1).optional(),
    AUTH_GITHUB_SECRET: z.string().min(1).optional(),
    AUTH_GOOGLE_ID: z.string().min(1).optional(),
    AUTH_GOOGLE_SECRET: z.string().min(1).optional(),
    /** Any OpenID Connect provider (Keycloak, Okta, Entra ID…): its issuer URL. */
    AUTH_OIDC_ISSUER: optionalUrl(["https:", "http:"]),
    AUTH_OIDC_ID: z.string().min(1).optional(),
    AUTH_OIDC_SECRET: z.string().min(1).optional(),
    /** The button label for the OIDC provider. */
    AUTH_OIDC_NAME: z.string().min(1).max(50).default("Single sign-on"),
    /**
     * `1` trusts the OIDC provider's email addresses as verified even without an
     * `email_verified` claim (some corporate IdPs omit it). Only for an IdP you control.
     */
    AUTH_OIDC_TRUST_EMAIL: z.enum(["0", "1"]).default("0"),
    /**
     * Authorises the scheduled jobs under /api/cron (sent as `Authorization: Bearer …` or
     * `X-Cron-Secret`). Unset: they answer 503 and do nothing. e.g. `openssl rand -base64 32`.
     */
    CRON_SECRET: z.string().min(16, "must be at least 16 characters (try `openssl rand -base64 32`)").optional(),
    /**
     * Authorises Prometheus scrapes of /api/metrics (sent as `Authorization: Bearer …`). Unset:
     * the endpoint answers 503. e.g. `openssl rand -base64 32`.
     */
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters (try `openssl rand -base64 32`)").optional(),
    // Where retention archives reports (and events) before deleting them: a directory, or an
    // S3-compatible bucket addressed path-style (https://s3.example.com/bucket). Neither: no archive.
    RETENTION_ARCHIVE_DIR: z.string().min(1).optional(),
    RETENTION_ARCHIVE_S3_URL: optionalUrl(["https:", "http:"]),
    RETENTION_ARCHIVE_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    RETENTION_ARCHIVE_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    RETENTION_ARCHIVE_S3_REGION: z.string().min(1).default("us-east-1"),
    /** `1` archives expired events as NDJSON too (reports are always archived when a target is set). */
    RETENTION_ARCHIVE_EVENTS: z.enum(["0", "1"]).default("0"),
  })
  .refine((env) => Boolean(env.UPSTASH_REDIS_REST_URL) === Boolean(env.UPSTASH_REDIS_REST_TOKEN), {
    message: "UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN must be set together",
    path: ["UPSTASH_REDIS_REST_TOKEN"],
  })
  .refine((env) => !env.SMTP_URL || env.EMAIL_FROM, { message: "EMAIL_FROM is required with SMTP_URL", path: ["EMAIL_FROM"] })
  // Links in emails must not be built from a request's Host header, which a client chooses
  // (a sign-up with a forged Host would mail the victim a link to the attacker's site).
  .refine((env) => !env.SMTP_URL || env.AUTH_URL, { message: "AUTH_URL is required with SMTP_URL (links in emails point to it)", path: ["AUTH_URL"] })
  .refine((env) => Boolean(env.AUTH_GITHUB_ID) === Boolean(env.AUTH_GITHUB_SECRET), {
    message: "AUTH_GITHUB_ID and AUTH_GITHUB_SECRET must be set together",
    path: ["AUTH_GITHUB_SECRET"],
  })
  .refine((env) => Boolean(env.AUTH_GOOGLE_ID) === Boolean(env.AUTH_GOOGLE_SECRET), {
    message: "AUTH_GOOGLE_ID and AUTH_GOOGLE_SECRET must be set together",
    path: ["AUTH_GOOGLE_SECRET"],
  })
  .refine((env) => [env.AUTH_OIDC_ISSUER, env.AUTH_OIDC_ID, env.AUTH_OIDC_SECRET].filter(Boolean).length % 3 === 0, {
    message: "AUTH_OIDC_ISSUER, AUTH_OIDC_ID and AUTH_OIDC_SECRET must be set together",
    path: ["AUTH_OIDC_SECRET"],
  })
  .refine((env) => !env.RETENTION_ARCHIVE_S3_URL || (env.RETENTION_ARCHIVE_S3_ACCESS_KEY_ID && env.RETENTION_ARCHIVE_S3_SECRET_ACCESS_KEY), {
    message: "RETENTION_ARCHIVE_S3_URL needs RETENTION_ARCHIVE_S3_ACCESS_KEY_ID and RETENTION_ARCHIVE_S3_SECRET_ACCESS_KEY",
    path: ["RETENTION_ARCHIVE_S3_SECRET_ACCESS_KEY"],
  })
  .refine((env) => !(env.RETENTION_ARCHIVE_S3_URL && env.RETENTION_ARCHIVE_DIR), {
    message: "set RETENTION_ARCHIVE_DIR or RETENTION_ARCHIVE_S3_URL, not both",
    path: ["RETENTION_ARCHIVE_S3_URL"],
  });

export type Env = z.infer<typeof EnvSchema>;

// `next build` imports every route module to collect its configuration, but an image is built
// once and run with many configurations: runtime secrets are not part of a build. The build gets
// a placeholder that no running server ever sees (`next start` runs in another phase).
const BUILD_PLACEHOLDERS = { AUTH_SECRET: "build-time-placeholder-never-used-at-runtime" };
const isBuild = process.env.NEXT_PHASE === "phase-production-build";

export const env: Env = parseEnv(EnvSchema, isBuild ? { ...BUILD_PLACEHOLDERS, ...process.env } : process.env);
