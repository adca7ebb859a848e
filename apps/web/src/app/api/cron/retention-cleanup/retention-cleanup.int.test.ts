import { createServer, type Server } from "node:http";
import { randomInt } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { AppError } from "@bulwark/contracts";
import { appendAuditEntry, ensureEventPartitions, eventPartitionName, listEventPartitions, lockEventPartitions, newId, pool, prisma, verifyAuditChain } from "@bulwark/db";
import { createTestOrg, type TestOrg } from "@bulwark/db/testing";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type { ServiceContext } from "@/server/auth/principal";
import { directoryArchive } from "@/server/services/retention/archive/directory-archive";
import { s3Archive } from "@/server/services/retention/archive/s3-archive";
import { sha256Hex, signAwsV4 } from "@/server/services/retention/archive/sign-aws-v4";
import { runRetentionCleanup } from "@/server/services/retention/run-retention-cleanup";
import { verifyRunEvidence } from "@/server/services/runs/verify-run-evidence";
import { createTestRun } from "@/testing/create-test-run";

const DAY = 86_400_000;
const SECRET = "cron-secret-for-tests-0123456789";
const URL = "http://test/api/cron/retention-cleanup";
const tmp = mkdtempSync(path.join(os.tmpdir(), "bulwark-retention-"));

// Partitions are global: every test works on its own random day between 2001 and 2009, far
// behind any other test's data, and afterAll drops whatever is left of them.
const touched = new Set<string>();
async function oldDay(): Promise<Date> {
  const day = new Date(Date.UTC(2001, 0, 1) + randomInt(0, 3000) * DAY);
  touched.add(eventPartitionName(day));
  await ensureEventPartitions(prisma, { from: day, days: 1 });
  return day;
}
const partitionExists = async (day: Date) => (await listEventPartitions(prisma)).some((p) => p.name === eventPartitionName(day));

async function project(org: TestOrg, retentionDays: number): Promise<string> {
  const id = newId("project");
  await prisma.project.create({ data: { id, orgId: org.orgId, name: `keep ${retentionDays}d`, environment: "SANDBOX", retentionDays } });
  return id;
}

async function addEvents(orgId: string, projectId: string, ts: Date, count: number, runId: string | null = null): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO events (ts, org_id, project_id, run_id, client_event_id, type, payload, size_bytes)
    SELECT ${ts}::timestamptz + (g * interval '1 second'), ${orgId}, ${projectId}, ${runId}, ${newId("request")} || '-' || g, 'egress.http', '{"host":"example.com"}'::jsonb, 100
    FROM generate_series(1, ${count}) g`;
}
const countEvents = (projectId: string) => prisma.event.count({ where: { projectId } });

const ctxOf = (orgId: string) => ({ orgId, requestId: "req_test_retention" }) as unknown as ServiceContext;
const failingRun = (org: TestOrg, projectId: string, createdAt: Date) =>
  createTestRun(org, { projectId, createdAt, attacks: [{ scenarioKey: "secret_leakage.environment-dump", outcome: "fail" }, { scenarioKey: "prompt_injection.forged-system-message", outcome: "pass" }] });

async function loadRoute(vars: Record<string, string>) {
  vi.resetModules();
  vi.stubEnv("CRON_SECRET", "");
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  return (await import("./route")).POST;
}
const post = (headers: Record<string, string> = {}) => new Request(URL, { method: "POST", headers });

/** A local S3 stand-in: checks each PUT's SigV4 header and body hash, then keeps the object. */
async function startS3(options: { fail?: boolean; delayMs?: number } = {}) {
  const objects = new Map<string, string>();
  const problems: string[] = [];
  const credentials = { accessKeyId: "AKIDTEST", secretAccessKey: "test-secret-key", region: "eu-test-1" };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const auth = req.headers.authorization ?? "";
        const shape = /^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/eu-test-1\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=[0-9a-f]{64}$/.exec(auth);
        if (!shape) problems.push(`bad authorization: ${auth}`);
        if (req.headers["x-amz-content-sha256"] !== sha256Hex(body)) problems.push("payload hash mismatch");
        const signed = Object.fromEntries(shape![1]!.split(";").filter((h) => !["host", "x-amz-date", "x-amz-content-sha256"].includes(h)).map((h) => [h, String(req.headers[h])]));
        const amzDate = String(req.headers["x-amz-date"]);
        const now = new Date(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
        const expected = signAwsV4({ method: req.method!, url: new globalThis.URL(req.url!, `http://${req.headers.host}`), headers: signed, payloadHash: sha256Hex(body), now }, credentials);
        if (expected.authorization !== auth) problems.push("signature mismatch");
        if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
        if (options.fail || req.method !== "PUT") {
          res.writeHead(500).end("<Error>InternalError</Error>");
          return;
        }
        objects.set(req.url!, body.toString("utf8"));
        res.writeHead(200).end();
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bulwark-archive`;
  return { objects, problems, store: s3Archive(url, credentials), close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

afterAll(async () => {
  await prisma.$transaction(async (tx) => {
    await lockEventPartitions(tx);
    for (const name of touched) await tx.$executeRawUnsafe(`DROP TABLE IF EXISTS "${name}"`);
  });
  rmSync(tmp, { recursive: true, force: true });
});

describe("POST /api/cron/retention-cleanup", () => {
  it("answers 503 in the error envelope while CRON_SECRET is unset", async () => {
    const POST = await loadRoute({});
    const res = await POST(post({ authorization: `Bearer ${SECRET}` }));
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe("service_unavailable");
    expect(body.error.requestId).toBe(res.headers.get("x-request-id"));
  });

  it("answers 401 without a secret or with a wrong one, in either header", async () => {
    const POST = await loadRoute({ CRON_SECRET: SECRET });
    for (const headers of <Record<string, string>[]>[{}, { authorization: "Bearer wrong-secret" }, { "x-cron-secret": "wrong-secret" }, { authorization: `Basic ${SECRET}` }, { "x-cron-secret": `${SECRET}x` }]) {
      const res = await POST(post(headers));
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    }
  });

  it("drops an old day partition whole, keeps a recent one, and archives the expired run's reports to a directory", async () => {
    const org = await createTestOrg("Retention drop");
    const projectId = await project(org, 1);
    const day = await oldDay();
    await addEvents(org.orgId, projectId, day, 40);
    await ensureEventPartitions(prisma, { from: new Date(), days: 1 });
    await addEvents(org.orgId, projectId, new Date(Date.now() - 3600_000), 3);
    const old = await failingRun(org, projectId, new Date(Date.now() - 5 * DAY));
    const recent = await failingRun(org, projectId, new Date());
    const dir = path.join(tmp, "drop");

    const POST = await loadRoute({ CRON_SECRET: SECRET, RETENTION_ARCHIVE_DIR: dir });
    const res = await POST(post({ "x-cron-secret": SECRET }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, number | string>;
    expect(body).toMatchObject({ archive: `dir:${dir}` });
    expect(body.partitionsDropped).toBeGreaterThanOrEqual(1);
    expect(body.runsDeleted).toBeGreaterThanOrEqual(1);
    expect(Object.keys(body).sort()).toEqual(["archive", "auditEntriesDeleted", "bytesFreed", "eventsDeleted", "ms", "orgsProcessed", "partitionsDropped", "runsDeleted"]);

    expect(await partitionExists(day)).toBe(false);
    expect(await countEvents(projectId)).toBe(3);
    expect(await prisma.run.findUnique({ where: { id: old.runId } })).toBeNull();
    expect(await prisma.evidenceItem.count({ where: { runId: old.runId } })).toBe(0);
    const reportDir = path.join(dir, "reports", org.orgId, projectId);
    expect(readdirSync(reportDir).sort()).toEqual([`${old.runId}.json`, `${old.runId}.md`]);
    expect(JSON.parse(readFileSync(path.join(reportDir, `${old.runId}.json`), "utf8"))).toMatchObject({ runId: old.runId });
    expect(readFileSync(path.join(reportDir, `${old.runId}.md`), "utf8")).toContain(old.runId);
    expect(await verifyRunEvidence(ctxOf(org.orgId), recent.runId)).toMatchObject({ ok: true });
    const usage = await prisma.usageEvent.findMany({ where: { orgId: org.orgId, kind: "STORED_BYTES" } });
    expect(usage.reduce((sum, u) => sum + u.quantity, 0n)).toBe(-4000n);

    // Nothing left to expire: the same call again changes nothing of this org.
    const again = await POST(post({ authorization: `Bearer ${SECRET}` }));
    expect(again.status).toBe(200);
    expect(await countEvents(projectId)).toBe(3);
    expect(await prisma.run.count({ where: { projectId } })).toBe(1);
  });

  it("deletes a short-retention project's rows from a shared partition in batches and keeps the others' rows", async () => {
    const org = await createTestOrg("Retention shared");
    const short = await project(org, 1);
    const long = await project(org, 36_500);
    const day = await oldDay();
    await addEvents(org.orgId, short, day, 25);
    await addEvents(org.orgId, long, day, 5);

    const result = await runRetentionCleanup({ archive: null, archiveEvents: false, orgIds: [org.orgId], batchSize: 7 });
    expect(result).toMatchObject({ orgsProcessed: 1, eventsDeleted: 25, partitionsDropped: 0, bytesFreed: 2500 });
    expect(await partitionExists(day)).toBe(true);
    expect(await countEvents(short)).toBe(0);
    expect(await countEvents(long)).toBe(5);

    const second = await runRetentionCleanup({ archive: null, archiveEvents: false, orgIds: [org.orgId], batchSize: 7 });
    expect(second).toMatchObject({ runsDeleted: 0, eventsDeleted: 0, partitionsDropped: 0, auditEntriesDeleted: 0, bytesFreed: 0 });
  });

  it("archives runs and events to an S3-compatible bucket with SigV4-signed PUTs before deleting them", async () => {
    const s3 = await startS3();
    try {
      const org = await createTestOrg("Retention S3");
      const projectId = await project(org, 1);
      const day = await oldDay();
      await addEvents(org.orgId, projectId, day, 12);
      const old = await failingRun(org, projectId, new Date(Date.now() - 3 * DAY));

      const result = await runRetentionCleanup({ archive: s3.store, archiveEvents: true, orgIds: [org.orgId] });
      expect(s3.problems).toEqual([]);
      expect(result).toMatchObject({ runsDeleted: 1, eventsDeleted: 12, partitionsDropped: 1 });
      const keys = [...s3.objects.keys()];
      expect(keys).toEqual(expect.arrayContaining([`/bulwark-archive/reports/${org.orgId}/${projectId}/${old.runId}.md`, `/bulwark-archive/reports/${org.orgId}/${projectId}/${old.runId}.json`]));
      const eventKey = keys.find((key) => key.startsWith(`/bulwark-archive/events/${org.orgId}/${projectId}/`))!;
      expect(s3.objects.get(eventKey)!.trim().split("\n")).toHaveLength(12);
      expect(await prisma.run.findUnique({ where: { id: old.runId } })).toBeNull();
    } finally {
      await s3.close();
    }
  });

  it("deletes nothing whose archive failed", async () => {
    const s3 = await startS3({ fail: true });
    try {
      const org = await createTestOrg("Retention archive failure");
      const projectId = await project(org, 1);
      const day = await oldDay();
      await addEvents(org.orgId, projectId, day, 8);
      const old = await failingRun(org, projectId, new Date(Date.now() - 3 * DAY));

      const failure = await runRetentionCleanup({ archive: s3.store, archiveEvents: true, orgIds: [org.orgId] }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(AppError);
      expect(failure).toMatchObject({ code: "service_unavailable" });
      expect(await partitionExists(day)).toBe(true);
      expect(await countEvents(projectId)).toBe(8);
      expect(await prisma.run.findUnique({ where: { id: old.runId } })).not.toBeNull();
      expect(await verifyRunEvidence(ctxOf(org.orgId), old.runId)).toMatchObject({ ok: true });

      // Without event archiving the event rows may go, the unarchivable run still may not.
      await expect(runRetentionCleanup({ archive: s3.store, archiveEvents: false, orgIds: [org.orgId] })).rejects.toMatchObject({ code: "service_unavailable" });
      expect(await prisma.run.findUnique({ where: { id: old.runId } })).not.toBeNull();
    } finally {
      await s3.close();
    }
  });

  it("lets only one cleanup run at a time: an overlapping call is a 409", async () => {
    const s3 = await startS3({ delayMs: 400 });
    try {
      const org = await createTestOrg("Retention overlap");
      const projectId = await project(org, 1);
      await failingRun(org, projectId, new Date(Date.now() - 3 * DAY));
      const first = runRetentionCleanup({ archive: s3.store, archiveEvents: false, orgIds: [org.orgId] });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const POST = await loadRoute({ CRON_SECRET: SECRET });
      const res = await POST(post({ authorization: `Bearer ${SECRET}` }));
      expect(res.status).toBe(409);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("conflict");
      await expect(first).resolves.toMatchObject({ runsDeleted: 1 });
    } finally {
      await s3.close();
    }
    // Released afterwards (also when the first one fails): the next call runs.
    const lock = await pool.connect();
    try {
      const { rows } = await lock.query<{ locked: boolean }>("SELECT pg_try_advisory_lock(hashtext('bulwark:retention-cleanup')) AS locked");
      expect(rows[0]!.locked).toBe(true);
      await lock.query("SELECT pg_advisory_unlock(hashtext('bulwark:retention-cleanup'))");
    } finally {
      lock.release();
    }
  });

  it("prunes old audit entries behind a checkpoint, and both the audit chain and the kept runs' evidence chains still verify", async () => {
    const org = await createTestOrg("Retention audit");
    const projectId = await project(org, 1);
    for (let n = 1; n <= 4; n++) {
      await prisma.$transaction((tx) => appendAuditEntry(tx, { orgId: org.orgId, actor: { type: "system" }, action: "project.update", target: { type: "project", id: projectId }, params: { n } }));
    }
    // The same project with a second org's kept run, to show evidence verification of what stays.
    const keeper = await createTestOrg("Retention audit keeper");
    const keeperProject = await project(keeper, 36_500);
    const kept = await failingRun(keeper, keeperProject, new Date(Date.now() - 2 * DAY));

    const later = new Date(Date.now() + 3 * DAY);
    const result = await runRetentionCleanup({ archive: directoryArchive(path.join(tmp, "audit")), archiveEvents: false, orgIds: [org.orgId, keeper.orgId], now: later });
    expect(result.auditEntriesDeleted).toBe(4);
    expect(await prisma.auditLogEntry.count({ where: { orgId: org.orgId, action: "project.update" } })).toBe(0);
    expect(existsSync(path.join(tmp, "audit", "audit", org.orgId))).toBe(true);
    expect(await verifyAuditChain(prisma, org.orgId)).toMatchObject({ ok: true });
    expect(await verifyAuditChain(prisma, keeper.orgId)).toMatchObject({ ok: true });
    await prisma.$transaction((tx) => appendAuditEntry(tx, { orgId: org.orgId, actor: { type: "system" }, action: "project.update", params: { n: 5 } }));
    expect(await verifyAuditChain(prisma, org.orgId)).toMatchObject({ ok: true });
    expect(await verifyRunEvidence(ctxOf(keeper.orgId), kept.runId)).toMatchObject({ ok: true });
  });
});
