import { parseEnv } from "@bulwark/contracts";
import { z } from "zod";

const Port = z.coerce.number().int().min(0).max(65_535);
const HttpUrl = z.url({ protocol: /^https?$/ });

export const EnvSchema = z.object({
  PORT: Port.default(4100),
  HOST: z.string().default("127.0.0.1"),
  DEMO_AGENT_MODE: z.enum(["vulnerable", "hardened"]).default("vulnerable"),
  /** Comma list: `secret_leak,exfiltration` enables only those; `-exfiltration` disables one of all. */
  DEMO_AGENT_WEAKNESSES: z.string().optional(),
  DEMO_AGENT_ADMIN_URL: HttpUrl.default("http://admin.internal"),
  DEMO_AGENT_OUTBOUND_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  DEMO_AGENT_LLM_URL: HttpUrl.optional(),
  DEMO_AGENT_LLM_API_KEY: z.string().optional(),
  DEMO_AGENT_LLM_MODEL: z.string().default("gpt-4o-mini"),
  // Both spellings, as curl and most HTTP clients accept them.
  HTTP_PROXY: HttpUrl.optional(),
  http_proxy: HttpUrl.optional(),
  HTTPS_PROXY: HttpUrl.optional(),
  https_proxy: HttpUrl.optional(),
  NO_PROXY: z.string().optional(),
  no_proxy: z.string().optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export const env: Env = parseEnv(EnvSchema, process.env);
