import type { LookupFunction } from "node:net";
import type { ResolvedAddress } from "./resolve-target";

/**
 * A `lookup` for node:http(s) that answers only with the addresses already checked. This is what
 * defeats DNS rebinding: the name is resolved once, by us, and the socket layer never asks DNS
 * again, so a second (private) answer can never be dialled. The hostname itself still goes to
 * TLS as the servername, so certificates are verified against the name the user configured.
 */
export function pinnedLookup(hostname: string, addresses: readonly ResolvedAddress[]): LookupFunction {
  return (name, options, callback) => {
    const family = options.family === 4 || options.family === "IPv4" ? 4 : options.family === 6 || options.family === "IPv6" ? 6 : 0;
    const candidates = addresses.filter((a) => family === 0 || a.family === family);
    const first = candidates[0];
    if (name !== hostname || !first) {
      const error: NodeJS.ErrnoException = new Error("no checked address for this host");
      error.code = "ENOTFOUND";
      callback(error, "", 0);
      return;
    }
    if (options.all) callback(null, candidates.map((a) => ({ address: a.address, family: a.family })));
    else callback(null, first.address, first.family);
  };
}
