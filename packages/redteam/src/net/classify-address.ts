import { type Cidr, inCidr, ipToBytes, parseCidr } from "./ip-address";

/**
 * `public`: anyone may call it. `private`: only a project that explicitly allows local targets
 * (a sandbox pointing at an agent on its own network). `forbidden`: never, whatever the project says.
 */
export type AddressClass = "public" | "private" | "forbidden";

/**
 * Forbidden even with `allowPrivateNetwork`. Nobody runs an agent on the cloud metadata service:
 * an address there is always an attempt to read the platform host's own credentials, and a
 * sandbox flag set by a project owner must not hand those out. 0.0.0.0/8 and `::` are not real
 * destinations; connecting to them reaches the platform host itself on Linux, so a user who
 * means loopback must say 127.0.0.1.
 */
const FORBIDDEN = [
  "0.0.0.0/8",
  "169.254.169.254/32", // AWS, GCP, Azure, OCI, DigitalOcean instance metadata
  "169.254.170.2/32", // AWS ECS task credentials
  "100.100.100.200/32", // Alibaba Cloud metadata
  "::/128",
  "fd00:ec2::254/128", // AWS instance metadata over IPv6
].map(parseCidr);

/** Anything that is not the public internet: loopback, private, shared, link-local, reserved. */
const PRIVATE = [
  "10.0.0.0/8",
  "100.64.0.0/10", // carrier-grade NAT
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.0.0.0/24",
  "192.0.2.0/24",
  "192.88.99.0/24",
  "192.168.0.0/16",
  "198.18.0.0/15",
  "198.51.100.0/24",
  "203.0.113.0/24",
  "224.0.0.0/4", // multicast
  "240.0.0.0/4", // reserved, broadcast
  "::1/128",
  "100::/64",
  "2001:db8::/32",
  "64:ff9b:1::/48", // local-use NAT64 (RFC 8215)
  "fc00::/7",
  "fe80::/10",
  "fec0::/10",
  "ff00::/8",
].map(parseCidr);

const V4_MAPPED = parseCidr("::ffff:0:0/96");
const V4_TRANSLATED = parseCidr("::ffff:0:0:0/96");
const V4_COMPATIBLE = parseCidr("::/96");
const NAT64 = parseCidr("64:ff9b::/96");
const SIX_TO_FOUR = parseCidr("2002::/16");
const TEREDO = parseCidr("2001::/32");

/**
 * IPv4 addresses an IPv6 address carries. Traffic to these forms ends at (or is translated to)
 * the embedded IPv4 host, so ::ffff:127.0.0.1 or 64:ff9b::a00:5 must be judged as that host.
 */
function embeddedIpv4(bytes: Uint8Array): Uint8Array[] {
  if (bytes.length !== 16) return [];
  if (inCidr(bytes, V4_MAPPED) || inCidr(bytes, V4_TRANSLATED) || inCidr(bytes, NAT64)) return [bytes.slice(12, 16)];
  // ::/96 also holds :: and ::1, which the direct ranges already judge as themselves.
  if (inCidr(bytes, V4_COMPATIBLE)) return bytes.slice(12, 15).every((b) => b === 0) ? [] : [bytes.slice(12, 16)];
  if (inCidr(bytes, SIX_TO_FOUR)) return [bytes.slice(2, 6)];
  // Teredo: the server, and the client stored bit-inverted.
  if (inCidr(bytes, TEREDO)) return [bytes.slice(4, 8), bytes.slice(12, 16).map((b) => b ^ 0xff)];
  return [];
}

const RANK: Record<AddressClass, number> = { public: 0, private: 1, forbidden: 2 };

function classifyBytes(bytes: Uint8Array): AddressClass {
  const direct: AddressClass = FORBIDDEN.some((r: Cidr) => inCidr(bytes, r))
    ? "forbidden"
    : PRIVATE.some((r) => inCidr(bytes, r))
      ? "private"
      : "public";
  return embeddedIpv4(bytes)
    .map(classifyBytes)
    .reduce<AddressClass>((worst, c) => (RANK[c] > RANK[worst] ? c : worst), direct);
}

/** How an IP address (v4 or v6, any textual form Node accepts) may be used; unparseable is forbidden. */
export function classifyAddress(address: string): AddressClass {
  const bytes = ipToBytes(address);
  return bytes ? classifyBytes(bytes) : "forbidden";
}

export function isAddressAllowed(address: string, allowPrivateNetwork: boolean): boolean {
  const cls = classifyAddress(address);
  return cls === "public" || (cls === "private" && allowPrivateNetwork);
}
