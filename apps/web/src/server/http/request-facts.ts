import "server-only";

/**
 * The caller's address and user agent, as the audit log and rate limits record them.
 *
 * `next start` fills X-Forwarded-For with the socket address only when the header is absent, and
 * a reverse proxy appends the address it saw. Either way the rightmost entry is the one written
 * by the nearest hop; entries to its left are the client's own claims and are ignored. Without a
 * proxy that sets the header, a client can still choose it: deployments put Bulwark behind one.
 */
export function requestFacts(headers: Headers): { ip: string | null; userAgent: string | null } {
  const nearest = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return { ip: nearest ? nearest.slice(0, 64) : null, userAgent: headers.get("user-agent")?.slice(0, 512) ?? null };
}
