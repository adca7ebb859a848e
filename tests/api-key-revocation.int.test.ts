import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { createTestOrg } from "@bulwark/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApiKey } from "@/testing/credentials";

// Two app processes on one database, like two replicas behind a load balancer: a key revoked
// through one must be refused by the other on its very next request (no per-process cache).
const root = path.join(import.meta.dirname, "..");
const processes: ChildProcess[] = [];

async function startApiProcess(): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "tests/support/api-process.ts")], {
    cwd: root,
    env: { ...process.env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  processes.push(child);
  for await (const line of createInterface({ input: child.stdout! })) {
    const { port } = JSON.parse(line) as { port: number };
    return `http://127.0.0.1:${port}`;
  }
  throw new Error("the API process exited before listening");
}

let a: string;
let b: string;
beforeAll(async () => {
  [a, b] = await Promise.all([startApiProcess(), startApiProcess()]);
}, 60_000);
afterAll(() => {
  for (const child of processes) child.kill();
});

const projects = (base: string, token: string) => fetch(`${base}/api/v1/projects`, { headers: { authorization: `Bearer ${token}` } });

describe("API key revocation across app processes", () => {
  it("is refused on the very next request by both processes", async () => {
    const org = await createTestOrg("Revocation");
    const admin = await createTestApiKey(org, "admin");
    const victim = await createTestApiKey(org, "member");
    expect((await projects(a, victim.token)).status).toBe(200);
    expect((await projects(b, victim.token)).status).toBe(200);

    const revoked = await fetch(`${a}/api/v1/api-keys/${victim.id}`, { method: "DELETE", headers: { authorization: `Bearer ${admin.token}` } });
    expect(revoked.status).toBe(204);

    const [onB, onA] = await Promise.all([projects(b, victim.token), projects(a, victim.token)]);
    expect(onB.status).toBe(401);
    expect(onA.status).toBe(401);
    expect(((await onB.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
  });
});
