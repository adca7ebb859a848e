import http from "node:http";
import type net from "node:net";
import path from "node:path";
import { ensureEventPartitions, newId, prisma } from "@bulwark/db";
import { createTestOrg, type TestOrg } from "@bulwark/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSessionCookie, createTestApiKey } from "@/testing/credentials";
import { type Child, children, freePort, repoRoot, sleep, start, startPlatform, stop, waitForOutput, waitUntil } from "./support/processes";

// The kill switch end to end: two worker processes take runs from the queue, a platform process
// serves the REST API, and a platform administrator kills runs over REST. A running run must
// end STOPPED (admin_kill) within a second on whichever worker holds it: the kill reaches the
// worker only through the run row, which every worker polls.

let org: TestOrg;
let apiToken: string;
let adminCookie: string;
let platform: { handle: Child; url: string };
const workers: Child[] = [];
let projectId: string;

/** An agent that takes 300 ms a turn and never leaks, so a run lasts long enough to be killed. */
const slowAgent = http.createServer((req, res) => {
  req.resume().on("end", () => {
    setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ reply: "I can only help with orders.", tool_calls: [] })), 300);
  });
});

function startWorker(name: string): Child {
  return start(name, [path.join(repoRoot, "apps/worker/src/main.ts")], {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: process.env.DATABASE_URL,
    AUTH_SECRET: process.env.AUTH_SECRET,
    LOG_LEVEL: "info",
    BULWARK_EGRESS_GRACE_MS: "0",
  });
}

async function call<T>(method: string, urlPath: string, auth: { token: string } | { cookie: string }): Promise<{ status: number; json: T }> {
  const headers: Record<string, string> = { "content-type": "application/json", "x-forwarded-for": "203.0.113.10" };
  if ("token" in auth) headers.authorization = `Bearer ${auth.token}`;
  else Object.assign(headers, { cookie: auth.cookie, "sec-fetch-site": "same-origin", origin: platform.url });
  const res = await fetch(`${platform.url}${urlPath}`, { method, headers, body: method === "POST" ? "{}" : undefined });
  return { status: res.status, json: (await res.json()) as T };
}

/** Starts a long run and waits until a worker has finished two of its turns; returns it and the worker holding it. */
async function runningRun(): Promise<{ runId: string; holder: Child }> {
  const res = await fetch(`${platform.url}/api/v1/projects/${projectId}/runs`, {
    method: "POST",
    headers: { authorization: `Bearer ${apiToken}`, "content-type": "application/json", "x-forwarded-for": "203.0.113.10" },
    body: JSON.stringify({ intensity: "high" }),
  });
  const run = (await res.json()) as { id: string };
  expect(res.status, JSON.stringify(run)).toBe(202);
  const row = await waitUntil(async () => {
    const found = await prisma.run.findUniqueOrThrow({ where: { id: run.id } });
    return found.status === "RUNNING" && found.turnsDone >= 2 ? found : undefined;
  }, 60_000, "two turns of the run");
  // A worker's id is `<host>-<pid>-<random>` (packages/jobs/src/worker.ts).
  const holder = workers.find((worker) => row.workerId?.includes(`-${worker.child.pid}-`));
  expect(holder, `worker ${row.workerId}`).toBeDefined();
  return { runId: run.id, holder: holder! };
}

/** Polls the run row every 25 ms until it is final; returns it and how long that took. */
async function finalWithin(runId: string, since: number) {
  for (;;) {
    const run = await prisma.run.findUniqueOrThrow({ where: { id: runId } });
    if (!["QUEUED", "RUNNING"].includes(run.status)) return { run, tookMs: Date.now() - since };
    if (Date.now() - since > 10_000) throw new Error(`run ${runId} still ${run.status} 10 s after the kill`);
    await sleep(25);
  }
}

beforeAll(async () => {
  await ensureEventPartitions(prisma, { from: new Date(Date.now() - 86_400_000), days: 3 });
  org = await createTestOrg("Kill switch e2e");
  apiToken = (await createTestApiKey(org, "owner")).token;
  const adminId = newId("user");
  await prisma.user.create({ data: { id: adminId, email: `e2e-admin.${adminId}@example.test`, isPlatformAdmin: true } });
  adminCookie = await createSessionCookie(adminId);

  await new Promise<void>((resolve) => slowAgent.listen(0, "127.0.0.1", resolve));
  projectId = (
    await prisma.project.create({
      data: {
        id: newId("project"),
        orgId: org.orgId,
        name: "Slow agent",
        environment: "SANDBOX",
        allowLocalTargets: true,
        connector: { url: `http://127.0.0.1:${(slowAgent.address() as net.AddressInfo).port}/chat`, maxConcurrency: 1, requestsPerSecond: 50 },
      },
    })
  ).id;

  const platformPort = await freePort();
  platform = await startPlatform(platformPort, { ...process.env, AUTH_URL: `http://127.0.0.1:${platformPort}` });
  workers.push(startWorker("worker A"), startWorker("worker B"));
  await Promise.all(workers.map((worker) => waitForOutput(worker, /worker started/)));
}, 120_000);

afterAll(async () => {
  await Promise.all(children.map(stop));
  slowAgent.closeAllConnections();
  await new Promise((resolve) => slowAgent.close(resolve));
});

describe("kill switch: platform admin → REST → run row → whichever of two workers holds the run", () => {
  it.each([
    ["the run", (runId: string) => `/api/v1/admin/runs/${runId}/kill`],
    ["its organization", () => `/api/v1/admin/organizations/${org.orgId}/kill`],
  ])("killing %s stops a running run within a second, STOPPED (admin_kill), keeping its finished turns", async (_, killPath) => {
    const { runId, holder } = await runningRun();
    const asked = Date.now();
    const kill = await call<{ data: { id: string; stopReason: string }[] }>("POST", killPath(runId), { cookie: adminCookie });
    expect(kill.status, JSON.stringify(kill.json)).toBe(202);
    expect(kill.json.data).toEqual([expect.objectContaining({ id: runId, stopReason: "admin_kill" })]);

    const { run, tookMs } = await finalWithin(runId, asked);
    expect(run).toMatchObject({ status: "STOPPED", stopReason: "ADMIN_KILL" });
    expect(tookMs).toBeLessThan(1_000);
    expect(run.turnsDone).toBeGreaterThanOrEqual(2);
    expect(run.turnsDone).toBeLessThan(run.turnsTotal);
    expect(await prisma.runTurn.count({ where: { runId, finishedAt: { not: null } } })).toBe(run.turnsDone);

    // The holder finalised it; the other worker never ran it.
    await waitUntil(async () => (holder.output().split("\n").some((line) => line.includes(runId) && line.includes("run finished") && line.includes("ADMIN_KILL")) ? true : undefined), 5_000, "the holder to log the run's end");
    for (const other of workers.filter((worker) => worker !== holder)) expect(other.output()).not.toContain(runId);

    const aborts = await call<{ data: { reason: string; actor: { type: string } }[] }>("GET", `/api/v1/runs/${runId}/aborts`, { token: apiToken });
    expect(aborts.json.data).toEqual([expect.objectContaining({ reason: "admin_kill", actor: expect.objectContaining({ type: "user" }) })]);
  }, 90_000);
});
