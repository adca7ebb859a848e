import { z } from "zod";
import { parseWeaknesses, type Weakness } from "./weaknesses";

export const AgentMode = z.enum(["vulnerable", "hardened"]);
export type AgentMode = z.infer<typeof AgentMode>;

export interface ProxyConfig {
  httpProxy?: string;
  httpsProxy?: string;
  /** Hosts (or `.suffix`es) that bypass the proxy; `*` bypasses it for everything. */
  noProxy: string[];
}

export interface LlmConfig {
  url: string;
  apiKey?: string;
  model: string;
}

export interface AgentConfig {
  mode: AgentMode;
  weaknesses: ReadonlySet<Weakness>;
  adminUrl: string;
  outboundTimeoutMs: number;
  proxy: ProxyConfig;
  llm?: LlmConfig;
}

interface EnvLike {
  DEMO_AGENT_MODE: AgentMode;
  DEMO_AGENT_WEAKNESSES?: string;
  DEMO_AGENT_ADMIN_URL: string;
  DEMO_AGENT_OUTBOUND_TIMEOUT_MS: number;
  DEMO_AGENT_LLM_URL?: string;
  DEMO_AGENT_LLM_API_KEY?: string;
  DEMO_AGENT_LLM_MODEL: string;
  HTTP_PROXY?: string;
  http_proxy?: string;
  HTTPS_PROXY?: string;
  https_proxy?: string;
  NO_PROXY?: string;
  no_proxy?: string;
}

export function configFromEnv(env: EnvLike): AgentConfig {
  const noProxy = (env.NO_PROXY ?? env.no_proxy ?? "")
    .split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
  return {
    mode: env.DEMO_AGENT_MODE,
    weaknesses: parseWeaknesses(env.DEMO_AGENT_WEAKNESSES),
    adminUrl: env.DEMO_AGENT_ADMIN_URL.replace(/\/+$/, ""),
    outboundTimeoutMs: env.DEMO_AGENT_OUTBOUND_TIMEOUT_MS,
    proxy: { httpProxy: env.HTTP_PROXY ?? env.http_proxy, httpsProxy: env.HTTPS_PROXY ?? env.https_proxy, noProxy },
    llm: env.DEMO_AGENT_LLM_URL
      ? { url: env.DEMO_AGENT_LLM_URL, apiKey: env.DEMO_AGENT_LLM_API_KEY, model: env.DEMO_AGENT_LLM_MODEL }
      : undefined,
  };
}
