import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../../..");
const MAIN = path.join(root, "apps/sidecar/src/main.ts");
export const TEST_TOKEN = "bws_testtoken0123456789";

export interface SidecarProcess {
  child: ChildProcess;
  port: number;
  proxyUrl: string;
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/** Runs `src/main.ts` as its own process (as `npm run sidecar` would) on a free loopback port. */
export async function spawnSidecar(env: { bulwarkUrl: string; bufferDir: string; sinkhole?: boolean }): Promise<SidecarProcess> {
  // node itself with the tsx loader, not the tsx wrapper: signals reach the sidecar, nothing is orphaned
  const child = spawn(process.execPath, ["--import", "tsx", MAIN, "--listen", "127.0.0.1:0"], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      BULWARK_URL: env.bulwarkUrl,
      BULWARK_SIDECAR_TOKEN: TEST_TOKEN,
      SIDECAR_BUFFER_DIR: env.bufferDir,
      SIDECAR_SINKHOLE: env.sinkhole ? "1" : "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sidecar did not start:\n${output}`)), 20_000);
    const check = () => {
      const match = /listening on [^\s]+:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on("data", check);
    void exited.then((code) => reject(new Error(`sidecar exited with ${code}:\n${output}`)));
  });
  return { child, port, proxyUrl: `http://127.0.0.1:${port}`, output: () => output, exited };
}

export async function waitFor(condition: () => boolean, timeoutMs = 15_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
