import path from "node:path";
import { parseEnv } from "@bulwark/contracts";
import { z } from "zod";

/** `host:port`; IPv6 hosts in brackets (`[::1]:8080`). */
const Listen = z.string().regex(/^(\[[0-9a-fA-F:.]+\]|[^\s:[\]]+):\d{1,5}$/, "must be host:port");

export const EnvSchema = z.object({
  BULWARK_URL: z.url({ protocol: /^https?$/ }),
  BULWARK_SIDECAR_TOKEN: z.string().regex(/^bws_[\w-]{8,}$/, "must be a sidecar token (bws_…)"),
  SIDECAR_LISTEN: Listen.default("127.0.0.1:8080"),
  SIDECAR_SINKHOLE: z.enum(["0", "1"]).default("0"),
  SIDECAR_BUFFER_DIR: z.string().default("./.bulwark/sidecar-buffer"),
  /** Upper bound of the on-disk buffer; beyond it the oldest segments are dropped (and reported). */
  SIDECAR_BUFFER_MAX_BYTES: z.coerce.number().int().min(1024 * 1024).default(256 * 1024 * 1024),
});

export type Env = z.infer<typeof EnvSchema>;

const FLAGS: Record<string, keyof Env> = {
  "--bulwark-url": "BULWARK_URL",
  "--token": "BULWARK_SIDECAR_TOKEN",
  "--listen": "SIDECAR_LISTEN",
  "--buffer-dir": "SIDECAR_BUFFER_DIR",
};

/** Flags mirror the variables (`--listen 127.0.0.1:9000`, `--sinkhole`) and win over them. */
function flagOverrides(argv: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? "").split(/=(.*)/s, 2);
    if (flag === "--sinkhole") out.SIDECAR_SINKHOLE = "1";
    const name = flag ? FLAGS[flag] : undefined;
    if (!name) continue;
    const value = inline ?? argv[++i];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

const parsed = parseEnv(EnvSchema, { ...process.env, ...flagOverrides(process.argv.slice(2)) });

/** A relative buffer dir is relative to where the command was typed (`npm run -w` changes cwd). */
export const env: Env = {
  ...parsed,
  SIDECAR_BUFFER_DIR: path.resolve(process.env.INIT_CWD ?? process.cwd(), parsed.SIDECAR_BUFFER_DIR),
};
