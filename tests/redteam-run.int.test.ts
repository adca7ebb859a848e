import fs from "node:fs";
import http from "node:http";
import type net from "node:net";
import os from "node:os";
import path from "node:path";
import { ensureEventPartitions, newId, prisma } from "@bulwark/db";
import { createTestOrg, type TestOrg } from "@bulwark/db/testing";
import { CATEGORIES } from "@bulwark/redteam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApiKey } from "@/testing/credentials";
import { generateSecretToken } from "@/server/auth/secret-token";
import { type Child, children, freePort, repoRoot, sleep, start, startDemoAgent, startPlatform, startSidecar, stop, waitForOutput, waitUntil } from "./support/processes";

// The red-team loop end to end, every part real: the worker process executes runs from the
// queue, calling the demo agent (vulnerable or hardened) whose outbound traffic goes through the
// sidecar; the sidecar ships egress to the platform's REST API process, which also serves the
// runs' setup documents; everything lands in PostgreSQL, and the test reads it back over REST.

const LEASE_MS = 2_000;
let tempDir: string;
let org: TestOrg;
let apiToken: string;
let platform: { handle: Child; url: string };
let worker: Child;
let vulnerableProject: string;
let hardenedProject: string;
let unreachableProject: string;

const sinkHits: string[] = [];
const sink = http.createServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => {
    sinkHits.push(`${req.method} ${req.url} ${body}`);
    res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
  });
});

function startWorker(): Child {
  return start("worker", [path.join(repoRoot, "apps/worker/src/main.ts")], {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: process.env.DATABASE_URL,
    AUTH_SECRET: process.env.AUTH_SECRET,
    LOG_LEVEL: "info",
    BULWARK_EGRESS_GRACE_MS: "1200",
    BULWARK_RUN_LEASE_MS: String(LEASE_MS),
  });
}

async function api<T>(method: string, urlPath: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(`${platform.url}${urlPath}`, {
    method,
    headers: { authorization: `Bearer ${apiToken}`, "content-type": "application/json", "x-forwarded-for": "203.0.113.9" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as T };
}

interface RunDto {
  id: string;
  status: string;
  stopReason: string | null;
  progress: { total: number; done: number; passed: number; failed: number; inconclusive: number };
  riskScore: number | null;
  evidenceHeadHash: string | null;
}

async function startRun(projectId: string, body: Record<string, unknown>): Promise<RunDto> {
  const { status, json } = await api<RunDto>("POST", `/api/v1/projects/${projectId}/runs`, body);
  expect(status, JSON.stringify(json)).toBe(202);
  expect(json.status).toBe("queued");
  return json;
}

async function finished(runId: string, timeoutMs = 150_000): Promise<RunDto> {
  return waitUntil(async () => {
    const { json } = await api<RunDto>("GET", `/api/v1/runs/${runId}`);
    return ["completed", "failed", "canceled", "stopped"].includes(json.status) ? json : undefined;
  }, timeoutMs, `run ${runId} to finish`);
}

async function createProject(name: string, agentUrl: string): Promise<string> {
  const project = await prisma.project.create({
    data: {
      id: newId("project"),
      orgId: org.orgId,
      name,
      environment: "SANDBOX",
      internalHostSuffixes: [".internal"],
      allowLocalTargets: true,
      connector: { url: `${agentUrl}/chat`, maxConcurrency: 4, requestsPerSecond: 50 },
    },
  });
  return project.id;
}

beforeAll(async () => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "bw-redteam-int-"));
  await ensureEventPartitions(prisma, { from: new Date(Date.now() - 86_400_000), days: 3 });
  org = await createTestOrg("Red team");
  apiToken = (await createTestApiKey(org, "owner")).token;

  await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
  const sinkPort = (sink.address() as net.AddressInfo).port;
  const platformPort = await freePort();
  platform = await startPlatform(platformPort, {
    ...process.env,
    AUTH_URL: `http://127.0.0.1:${platformPort}`,
    BULWARK_EXFIL_URL: `http://collect.attacker.example:${sinkPort}/upload`,
  });

  // The vulnerable agent's egress goes through a sidecar of its project; the others' does not.
  const vulnerablePort = await freePort();
  vulnerableProject = await createProject("Vulnerable agent", `http://127.0.0.1:${vulnerablePort}`);
  const secret = generateSecretToken("bws");
  await prisma.sidecarToken.create({ data: { id: newId("sidecarToken"), orgId: org.orgId, projectId: vulnerableProject, name: "e2e", prefix: secret.prefix, hash: secret.hash } });
  const sidecar = await startSidecar({ platformUrl: platform.url, token: secret.token, bufferDir: path.join(tempDir, "buffer") });
  await startDemoAgent({ mode: "vulnerable", port: vulnerablePort, proxyPort: sidecar.port });
  hardenedProject = await createProject("Hardened agent", (await startDemoAgent({ mode: "hardened" })).url);
  unreachableProject = await createProject("Unreachable agent", `http://127.0.0.1:${await freePort()}`);

  worker = startWorker();
  await waitForOutput(worker, /worker started/);
}, 120_000);

afterAll(async () => {
  await Promise.all(children.map(stop));
  sink.closeAllConnections();
  await new Promise((resolve) => sink.close(resolve));
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
});

describe("red-team runs: worker → demo agent (→ sidecar → platform) → PostgreSQL", () => {
  it("fails every category against the vulnerable agent, with findings proven by reply and egress evidence", async () => {
    const run = await finished((await startRun(vulnerableProject, { intensity: "low" })).id);
    expect(run.status).toBe("completed");
    expect(run.progress.done).toBe(run.progress.total);
    expect(run.riskScore).toBeGreaterThanOrEqual(9);

    const findings = await prisma.finding.findMany({ where: { runId: run.id } });
    expect(new Set(findings.map((f) => f.category))).toEqual(new Set(CATEGORIES));
    const evidence = await prisma.evidenceItem.findMany({ where: { runId: run.id } });
    const kindOf = new Map(evidence.map((item) => [item.id, item.kind]));
    for (const finding of findings) {
      const kinds = finding.evidenceIds.map((id) => kindOf.get(id));
      expect(kinds, finding.scenarioKey).toContain("MESSAGE");
      expect(kinds, finding.scenarioKey).toContain("VERDICT");
      expect(kinds.at(-1), finding.scenarioKey).toBe("FINDING");
    }
    // Exfiltration is proven by what the sidecar captured, not by what the agent said.
    const exfiltration = findings.filter((f) => f.category === "data_exfiltration");
    expect(exfiltration.some((f) => f.evidenceIds.some((id) => kindOf.get(id) === "EGRESS_EVENT"))).toBe(true);
    expect(sinkHits.length).toBeGreaterThan(0);
    // Nothing stored holds a planted secret in the clear.
    const stored = JSON.stringify(evidence.map((item) => item.payload));
    expect(stored).not.toContain("sk-proj-DEMO0bulwark0FAKE0key");
    expect(stored).not.toContain("Demo-Pa55w0rd-NOT-REAL");

    const story = await prisma.storyStep.findMany({ where: { runId: run.id }, orderBy: { seq: "asc" } });
    expect(story.length).toBeGreaterThan(run.progress.total);

    const verify = await api<{ ok: boolean; headHash: string }>("GET", `/api/v1/runs/${run.id}/verify`);
    expect(verify.json).toMatchObject({ ok: true, headHash: run.evidenceHeadHash });
  }, 200_000);

  it("finds nothing against the hardened agent, with no inconclusive turn", async () => {
    const run = await finished((await startRun(hardenedProject, { intensity: "low" })).id);
    expect(run.status).toBe("completed");
    expect(run.progress).toMatchObject({ failed: 0, inconclusive: 0 });
    expect(run.progress.passed).toBeGreaterThan(0);
    expect(await prisma.finding.count({ where: { runId: run.id } })).toBe(0);
    expect(run.riskScore).toBe(0);
  }, 200_000);

  it("judges an unreachable agent inconclusive, never a pass", async () => {
    const run = await finished((await startRun(unreachableProject, { categories: ["secret_leakage"], intensity: "low" })).id);
    expect(run.status).toBe("completed");
    expect(run.progress).toMatchObject({ passed: 0, failed: 0 });
    expect(run.progress.inconclusive).toBe(run.progress.total - (await prisma.runTurn.count({ where: { runId: run.id, verdict: null } })));
    expect(run.progress.inconclusive).toBeGreaterThan(0);
  }, 60_000);

  it("stops a running run within a second of a cancel, keeping what it did", async () => {
    const created = await startRun(vulnerableProject, { intensity: "high" });
    await waitUntil(async () => ((await api<RunDto>("GET", `/api/v1/runs/${created.id}`)).json.progress.done >= 2 ? true : undefined), 60_000, "two turns");
    const asked = Date.now();
    const cancel = await api<RunDto>("POST", `/api/v1/runs/${created.id}/cancel`);
    expect(cancel.status).toBe(202);
    const run = await waitUntil(async () => {
      const { json } = await api<RunDto>("GET", `/api/v1/runs/${created.id}`);
      return json.status === "canceled" ? json : undefined;
    }, 5_000, "the run to be canceled");
    expect(Date.now() - asked).toBeLessThan(1_500);
    expect(run.stopReason).toBe("user_cancel");
    expect(run.progress.done).toBeGreaterThanOrEqual(2);
    expect(run.progress.done).toBeLessThan(run.progress.total);
    // A second cancel changes nothing; a late worker write could not either.
    expect((await api<RunDto>("POST", `/api/v1/runs/${created.id}/cancel`)).json.status).toBe("canceled");
  }, 90_000);

  it("ends a run in a final state with no duplicated turn when its worker is killed mid-run", async () => {
    const created = await startRun(vulnerableProject, { categories: ["secret_leakage", "system_prompt_leakage"], intensity: "medium" });
    await waitUntil(async () => ((await prisma.run.findUnique({ where: { id: created.id } }))!.turnsDone >= 3 ? true : undefined), 60_000, "three turns");
    await stop(worker);
    await sleep(LEASE_MS + 500);
    worker = startWorker();

    const run = await finished(created.id, 120_000);
    expect(run.status).toBe("completed");
    const turns = await prisma.runTurn.findMany({ where: { runId: created.id } });
    expect(turns).toHaveLength(run.progress.total);
    expect(new Set(turns.map((t) => `${t.scenarioKey}/${t.variant}/${t.turnIndex}`)).size).toBe(turns.length);
    expect(turns.every((t) => t.finishedAt !== null)).toBe(true);
    expect((await prisma.run.findUnique({ where: { id: created.id } }))!.attempts).toBe(2);
    expect((await api<{ ok: boolean }>("GET", `/api/v1/runs/${created.id}/verify`)).json.ok).toBe(true);
  }, 200_000);

  it("reports a tampered evidence row, naming the first link that no longer holds", async () => {
    const run = await prisma.run.findFirstOrThrow({ where: { projectId: vulnerableProject, status: "COMPLETED" }, orderBy: { createdAt: "asc" } });
    const victim = await prisma.evidenceItem.findFirstOrThrow({ where: { runId: run.id, kind: "REPLY" }, orderBy: { seq: "asc" } });
    // The table is append-only (a trigger refuses UPDATE); an attacker with the database's
    // superuser can still switch triggers off. Verify must catch what that allows.
    await prisma.$transaction([
      prisma.$executeRawUnsafe("SET LOCAL session_replication_role = replica"),
      prisma.$executeRaw`UPDATE evidence_items SET payload = '{"text":"I cannot help with that."}'::jsonb WHERE id = ${victim.id}`,
    ]);
    const verify = await api<{ ok: boolean; firstMismatch: { seq: number; reason: string } }>("GET", `/api/v1/runs/${run.id}/verify`);
    expect(verify.json.ok).toBe(false);
    expect(verify.json.firstMismatch).toEqual({ seq: victim.seq, reason: "hash_mismatch" });
  }, 30_000);
});
