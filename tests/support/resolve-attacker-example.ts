// Preloaded (`node --import`) into a process under test: names under `attacker.example` resolve
// to 127.0.0.1, so traffic to a "known attacker sink" host reaches a local test server while the
// process still sees (and classifies) the attacker host name. Every other name resolves normally.
import dns from "node:dns";

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

const original = dns.lookup;
const isAttackerHost = (hostname: string) => /(^|\.)attacker\.example\.?$/i.test(hostname);

function lookup(hostname: string, options: unknown, callback?: unknown): void {
  const cb = (typeof options === "function" ? options : callback) as LookupCallback;
  const opts = typeof options === "object" && options !== null ? (options as dns.LookupOptions) : {};
  if (!isAttackerHost(hostname)) {
    (original as (...args: unknown[]) => void)(hostname, options, callback);
    return;
  }
  process.nextTick(() => (opts.all ? cb(null, [{ address: "127.0.0.1", family: 4 }]) : cb(null, "127.0.0.1", 4)));
}

(dns as { lookup: unknown }).lookup = lookup;
