// Real processes for end-to-end tests: the platform's REST API, the sidecar, the demo agent and
// the worker each run as their own Node process, talking over real HTTP and PostgreSQL.
import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";

export const repoRoot = path.join(import.meta.dirname, "..", "..");

export interface Child {
  name: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<void>;
}

/** Every process started by this test file, for diagnostics and cleanup. */
export const children: Child[] = [];

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts `node --import tsx …args` (node itself, not the tsx wrapper, so kill() reaches the real process). */
export function start(name: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const handle = { name, child, output: () => output, exited };
  children.push(handle);
  return handle;
}

/** SIGKILL, like a crash: nothing gets to clean up. */
export async function stop(handle: Child): Promise<void> {
  if (handle.child.exitCode === null && handle.child.signalCode === null) handle.child.kill("SIGKILL");
  await handle.exited;
}

export async function waitForOutput(handle: Child, pattern: RegExp, timeoutMs = 30_000): Promise<RegExpExecArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = pattern.exec(handle.output());
    if (found) return found;
    if (handle.child.exitCode !== null || handle.child.signalCode !== null) throw new Error(`${handle.name} exited:\n${handle.output()}`);
    if (Date.now() > deadline) throw new Error(`${handle.name} did not print ${pattern}:\n${handle.output()}`);
    await sleep(50);
  }
}

/** The tail of every child's output, for a failure message. */
export const diagnostics = () => children.map((c) => `--- ${c.name} (pid ${c.child.pid})\n${c.output().slice(-2_000)}`).join("\n");

export async function waitUntil<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${diagnostics()}`);
    await sleep(200);
  }
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** "The platform": every REST route handler served from its own Node process (api-process.ts). */
export async function startPlatform(port: number, env: NodeJS.ProcessEnv = process.env): Promise<{ handle: Child; url: string }> {
  const handle = start("platform", [path.join(repoRoot, "tests/support/api-process.ts"), String(port)], { ...env });
  for await (const line of createInterface({ input: handle.child.stdout! })) {
    const { port: listening } = JSON.parse(line) as { port: number };
    return { handle, url: `http://127.0.0.1:${listening}` };
  }
  throw new Error(`the platform process exited before listening:\n${handle.output()}`);
}

/** The sidecar, with `*.attacker.example` resolving to 127.0.0.1 inside it (so a local server plays the sink). */
export async function startSidecar(env: { platformUrl: string; token: string; bufferDir: string; sinkhole?: boolean }): Promise<{ handle: Child; port: number }> {
  const handle = start(
    "sidecar",
    ["--import", path.join(repoRoot, "tests/support/resolve-attacker-example.ts"), path.join(repoRoot, "apps/sidecar/src/main.ts")],
    {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      BULWARK_URL: env.platformUrl,
      BULWARK_SIDECAR_TOKEN: env.token,
      SIDECAR_LISTEN: "127.0.0.1:0",
      SIDECAR_BUFFER_DIR: env.bufferDir,
      ...(env.sinkhole ? { SIDECAR_SINKHOLE: "1" } : {}),
    },
  );
  const port = Number((await waitForOutput(handle, /listening on [^\s]+:(\d+)/))[1]);
  return { handle, port };
}

/** The demo agent, its outbound traffic through `proxyPort` (the sidecar) when given. */
export async function startDemoAgent(options: { mode: "vulnerable" | "hardened"; proxyPort?: number; port?: number; extraEnv?: NodeJS.ProcessEnv }): Promise<{ handle: Child; url: string }> {
  const port = options.port ?? (await freePort());
  const proxy = options.proxyPort ? `http://127.0.0.1:${options.proxyPort}` : undefined;
  const handle = start(`demo-agent (${options.mode})`, [path.join(repoRoot, "apps/demo-agent/src/main.ts")], {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    HOST: "127.0.0.1",
    DEMO_AGENT_MODE: options.mode,
    DEMO_AGENT_OUTBOUND_TIMEOUT_MS: "5000",
    ...(proxy ? { HTTP_PROXY: proxy, NO_PROXY: "", no_proxy: "" } : {}),
    ...options.extraEnv,
  });
  await waitForOutput(handle, /demo-agent listening on/);
  return { handle, url: `http://127.0.0.1:${port}` };
}
