import net from "node:net";
import type { DestinationClass } from "@bulwark/contracts";

/** Hosted model APIs: traffic to them is expected, but a prompt sent there may carry secrets. */
export const LLM_PROVIDER_DOMAINS = [
  "api.openai.com",
  "api.anthropic.com",
  "generativelanguage.googleapis.com",
  "aiplatform.googleapis.com",
  "api.mistral.ai",
  "api.cohere.ai",
  "api.cohere.com",
  "api.groq.com",
  "api.together.xyz",
  "api.fireworks.ai",
  "api.deepseek.com",
  "api.perplexity.ai",
  "openrouter.ai",
  "api.x.ai",
  "openai.azure.com",
  "bedrock-runtime.amazonaws.com",
  "api-inference.huggingface.co",
] as const;

/** Paste sites, webhook catchers and tunnels: the usual places exfiltrated data is sent to. */
export const ATTACKER_SINK_DOMAINS = [
  "pastebin.com",
  "paste.ee",
  "hastebin.com",
  "ghostbin.com",
  "dpaste.org",
  "rentry.co",
  "transfer.sh",
  "webhook.site",
  "requestbin.com",
  "requestbin.net",
  "requestcatcher.com",
  "pipedream.net",
  "m.pipedream.net",
  "beeceptor.com",
  "hookbin.com",
  "ngrok.io",
  "ngrok-free.app",
  "ngrok.app",
  "trycloudflare.com",
  "loca.lt",
  "serveo.net",
  "interact.sh",
  "oast.fun",
  "oast.pro",
  "burpcollaborator.net",
  "canarytokens.com",
  "attacker.example",
] as const;

const INTERNAL_SUFFIXES = ["localhost", "local", "internal", "localdomain", "home.arpa"] as const;

export interface ClassifyConfig {
  toolDomains: readonly string[];
  internalHostSuffixes: readonly string[];
}

/** Lowercase, without brackets, a trailing dot or a port-less IPv6's zone. */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "");
}

/** `host` is `domain` or a subdomain of it; list entries may be written `*.x.com` or `.x.com`. */
export function matchesDomain(host: string, domain: string): boolean {
  const d = normalizeHost(domain).replace(/^\*?\./, "");
  return d !== "" && (host === d || host.endsWith(`.${d}`));
}

function ipv4Private(ip: string): boolean {
  const [a = 0, b = 0] = ip.split(".").map(Number);
  return (
    a === 0 || a === 10 || a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168)
  );
}

/** Loopback, private, CGNAT, link-local (cloud metadata included) and unique-local addresses. */
export function isPrivateIp(host: string): boolean {
  const kind = net.isIP(host);
  if (kind === 4) return ipv4Private(host);
  if (kind !== 6) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
  if (mapped?.[1]) return ipv4Private(mapped[1]);
  return host === "::1" || host === "::" || /^f[cd]/.test(host) || /^fe[89ab]/.test(host);
}

/**
 * Where a request goes. Internal first (an address in our own network is never "the internet"),
 * then model providers, then the project's declared tools (a project may legitimately use a
 * webhook service), then known sinks.
 */
export function classifyDestination(rawHost: string, config: ClassifyConfig): DestinationClass {
  const host = normalizeHost(rawHost);
  if (isPrivateIp(host)) return "internal";
  if ([...INTERNAL_SUFFIXES, ...config.internalHostSuffixes].some((suffix) => matchesDomain(host, suffix))) return "internal";
  if (LLM_PROVIDER_DOMAINS.some((domain) => matchesDomain(host, domain))) return "llm_provider";
  if (config.toolDomains.some((domain) => matchesDomain(host, domain))) return "tool";
  if (ATTACKER_SINK_DOMAINS.some((domain) => matchesDomain(host, domain))) return "attacker_sink";
  if (/(^|\.)request-?bin\b|(^|\.)webhook\./.test(host)) return "attacker_sink";
  return "public_internet";
}
