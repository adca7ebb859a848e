import net from "node:net";

/** An address as bytes (4 for IPv4, 16 for IPv6), so ranges compare exactly whatever the notation. */
export function ipToBytes(address: string): Uint8Array | undefined {
  const ip = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const kind = net.isIP(ip);
  if (kind === 4) return Uint8Array.from(ip.split(".").map(Number));
  if (kind === 6) return ipv6ToBytes(ip);
  return undefined;
}

function ipv6ToBytes(ip: string): Uint8Array {
  // A dotted tail (::ffff:1.2.3.4) is two more groups; net.isIP has already validated the shape.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  let text = ip;
  if (dotted?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted[1].split(".").map(Number);
    text = `${ip.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const headGroups = head === "" ? [] : head.split(":");
  const tailGroups = tail === undefined || tail === "" ? [] : tail.split(":");
  const groups = [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill("0"), ...tailGroups];
  const bytes = new Uint8Array(16);
  groups.forEach((group, i) => {
    const value = parseInt(group, 16);
    bytes[i * 2] = value >> 8;
    bytes[i * 2 + 1] = value & 0xff;
  });
  return bytes;
}

export interface Cidr {
  bytes: Uint8Array;
  prefix: number;
}

export function parseCidr(cidr: string): Cidr {
  const [ip = "", prefix = ""] = cidr.split("/");
  const bytes = ipToBytes(ip);
  if (!bytes) throw new Error(`invalid CIDR ${cidr}`);
  return { bytes, prefix: Number(prefix) };
}

export function inCidr(bytes: Uint8Array, range: Cidr): boolean {
  if (bytes.length !== range.bytes.length) return false;
  for (let bit = 0; bit < range.prefix; bit += 8) {
    const remaining = Math.min(8, range.prefix - bit);
    const mask = (0xff << (8 - remaining)) & 0xff;
    const i = bit / 8;
    if (((bytes[i] ?? 0) & mask) !== ((range.bytes[i] ?? 0) & mask)) return false;
  }
  return true;
}
