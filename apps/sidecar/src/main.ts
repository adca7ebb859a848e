import { env } from "./env";
import { startSidecar } from "./sidecar";

const separator = env.SIDECAR_LISTEN.lastIndexOf(":");
const sidecar = await startSidecar({
  bulwarkUrl: env.BULWARK_URL,
  token: env.BULWARK_SIDECAR_TOKEN,
  host: env.SIDECAR_LISTEN.slice(0, separator).replace(/^\[|\]$/g, ""),
  port: Number(env.SIDECAR_LISTEN.slice(separator + 1)),
  sinkhole: env.SIDECAR_SINKHOLE === "1",
  bufferDir: env.SIDECAR_BUFFER_DIR,
  bufferMaxBytes: env.SIDECAR_BUFFER_MAX_BYTES,
});

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void sidecar.stop(10_000).then(() => process.exit(0));
  });
}
