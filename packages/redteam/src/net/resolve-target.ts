import dns from "node:dns";
import net from "node:net";
import { raceSignal } from "./abortable";
import { isAddressAllowed } from "./classify-address";
import { GuardedFetchError } from "./guarded-fetch-error";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Answers every address a name has; injectable so tests can play a hostile DNS server. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) => {
  const answers = await dns.promises.lookup(hostname, { all: true, order: "verbatim" });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

const DEFAULT_PORTS = [80, 443, 8080, 8443];

export interface TargetPolicy {
  allowPrivateNetwork: boolean;
  allowedPorts?: readonly number[];
}

export interface Target {
  url: URL;
  /** Without IPv6 brackets: what the socket layer and TLS servername take. */
  hostname: string;
  port: number;
  isIpLiteral: boolean;
}

/** Scheme, credentials and port checks: everything decidable before any DNS query. */
export function parseTarget(input: string | URL, policy: TargetPolicy): Target {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new GuardedFetchError("invalid_request", "the URL is not valid");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new GuardedFetchError("blocked_scheme", `the ${url.protocol} scheme is not allowed; use http or https`);
  }
  // Credentials in a URL end up in logs and reports; they belong in a (sealed) header.
  if (url.username !== "" || url.password !== "") {
    throw new GuardedFetchError("invalid_request", "the URL must not contain credentials");
  }
  const port = url.port === "" ? (url.protocol === "https:" ? 443 : 80) : Number(url.port);
  const allowedPorts = policy.allowedPorts ?? (policy.allowPrivateNetwork ? undefined : DEFAULT_PORTS);
  if (port === 0 || (allowedPorts && !allowedPorts.includes(port))) {
    throw new GuardedFetchError("blocked_port", `port ${port} is not allowed`);
  }
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  return { url, hostname, port, isIpLiteral: net.isIP(hostname) !== 0 };
}

/**
 * The addresses this call may dial. Every answer is checked, not just the first: a name that
 * resolves to one public and one private address is refused, since the socket layer could pick
 * either. The caller then dials only these (the DNS answer is never consulted again).
 */
export async function resolveTarget(
  target: Target,
  policy: TargetPolicy & { resolver?: Resolver },
  signal: AbortSignal,
): Promise<ResolvedAddress[]> {
  const answers = target.isIpLiteral
    ? [{ address: target.hostname }]
    : await lookupOrThrow(target.hostname, policy.resolver ?? systemResolver, signal);
  if (answers.length === 0) throw new GuardedFetchError("dns_failed", `${target.hostname} has no address`);
  // The family is derived from the address itself, never taken from the resolver's word.
  const addresses = answers.map(({ address }): ResolvedAddress => ({ address, family: net.isIP(address) === 6 ? 6 : 4 }));
  if (!addresses.every((a) => net.isIP(a.address) !== 0 && isAddressAllowed(a.address, policy.allowPrivateNetwork))) {
    throw new GuardedFetchError(
      "blocked_address",
      target.isIpLiteral
        ? "the address is private, reserved or otherwise not allowed"
        : `${target.hostname} resolves to a private, reserved or otherwise not allowed address`,
    );
  }
  return addresses;
}

async function lookupOrThrow(hostname: string, resolver: Resolver, signal: AbortSignal): Promise<ResolvedAddress[]> {
  try {
    // A lookup cannot be cancelled, but the caller's deadline and abort must not wait for it.
    return await raceSignal(resolver(hostname), signal);
  } catch {
    if (signal.aborted) throw signal.reason;
    throw new GuardedFetchError("dns_failed", `could not resolve ${hostname}`);
  }
}
