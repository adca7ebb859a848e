import { parseEnv } from "@bulwark/contracts";
import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("production"),
  /** PostgreSQL; when unset, the embedded server of BULWARK_DATA_DIR (which must be running). */
  DATABASE_URL: z
    .url()
    .refine((value) => ["postgres:", "postgresql:"].includes(new URL(value).protocol), "must be a postgres:// URL")
    .optional(),
  BULWARK_DATA_DIR: z.string().optional(),
  BULWARK_EMBEDDED_PG_PORT: z.string().regex(/^\d+$/, "must be a port number").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof EnvSchema>;

export const env: Env = parseEnv(EnvSchema, process.env);
