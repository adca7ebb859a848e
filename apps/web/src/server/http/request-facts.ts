import "server-only";
import { env } from "@/env";

/**
 * The address of the client as the nearest trusted hop saw it, unnormalised.
 *
 * Each proxy appends the address it received the request from to X-Forwarded-For, so with
 * `hops` trusted proxies in front the entry `hops` places from the right is the last one no
 * client could choose; everything left of it is the client's own claim. With no trusted proxy,
 * `next start` fills the header from the socket only when the request has none, so the rightmost
 * entry is the peer for honest clients but a client that sends the header chooses it: closing
 * that needs a proxy in front (route handlers never see the socket).
 */
export function forwardedClientAddress(headers: Headers, hops: number): string | undefined {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (hops === 0) return entries.at(-1);
  return entries.length > 0 ? entries[Math.max(0, entries.length - hops)] : (headers.get("x-real-ip")?.trim() ?? undefined);
}

/** The caller's address and user agent, as the audit log records them (bounded in length). */
export function requestFacts(headers: Headers): { ip: string | null; userAgent: string | null } {
  const ip = forwardedClientAddress(headers, env.TRUST_PROXY);
  return { ip: ip ? ip.slice(0, 64) : null, userAgent: headers.get("user-agent")?.slice(0, 512) ?? null };
}
