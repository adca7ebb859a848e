import { isIP } from "node:net";
import { forwardedClientAddress } from "@/server/http/request-facts";

/**
 * The client address to key anonymous rate limits on, or undefined when there is none usable.
 * Which forwarded entry is trusted is decided once, in forwardedClientAddress(); here it is
 * normalised so one host cannot count as many:
 * - IPv4-mapped IPv6 becomes IPv4, and ports are stripped;
 * - IPv6 addresses are cut to their /64: one host usually holds a whole /64, so counting single
 *   addresses would let it rotate through 2^64 fresh allowances;
 * - junk is not an address (the caller then shares the "unknown" bucket).
 * Limits that do not depend on the address (per email, principal, organization) hold even when
 * a client without a proxy in front chooses its own X-Forwarded-For.
 */
export function clientIp(headers: Headers, trustedHops: number): string | undefined {
  return normalize(forwardedClientAddress(headers, trustedHops));
}

function normalize(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const address = stripPort(raw);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return isIP(mapped[1]) === 4 ? mapped[1] : undefined;
  const version = isIP(address);
  if (version === 4) return address;
  if (version === 6) return ipv6Prefix64(address);
  // Junk in the header is not an address; the caller then shares the "unknown" bucket.
  return undefined;
}

// Some proxies (Azure, IIS) append ports: "1.2.3.4:5678", "[2001:db8::1]:443".
function stripPort(value: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) return bracketed[1];
  const v4WithPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(value);
  return v4WithPort?.[1] ?? value;
}

function ipv6Prefix64(address: string): string {
  const [head = "", tail = ""] = address.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  // An embedded IPv4 tail (::a.b.c.d) only affects the low 64 bits, which are dropped.
  const missing = 8 - headGroups.length - tailGroups.length - (tailGroups.at(-1)?.includes(".") ? 1 : 0);
  const groups = address.includes("::") ? [...headGroups, ...Array<string>(Math.max(0, missing)).fill("0"), ...tailGroups] : headGroups;
  const prefix = groups.slice(0, 4).map((group) => (Number.parseInt(group, 16) || 0).toString(16));
  return `${prefix.join(":")}::/64`;
}
