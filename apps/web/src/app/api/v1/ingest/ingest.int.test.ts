import { ensureEventPartitions, newId, prisma } from "@bulwark/db";
import { createTestOrg, type TestOrg } from "@bulwark/db/testing";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { generateSecretToken } from "@/server/auth/secret-token";
import { clearPolicyOverrides, setPolicyOverride } from "@/server/rate-limit/policies";
import { apiRequest, createTestApiKey } from "@/testing/credentials";
import { POST as ingest } from "./events/route";
import { POST as heartbeat } from "./heartbeat/route";
import { DAY_WINDOW_MS } from "@/testing/rate-limits";

const DAY = 86_400_000;

beforeAll(async () => {
  await ensureEventPartitions(prisma, { from: new Date(Date.now() - DAY), days: 9 });
});
afterEach(() => clearPolicyOverrides());

async function sidecarToken(org: TestOrg, projectId: string) {
  const { token, prefix, hash } = generateSecretToken("bws");
  const row = await prisma.sidecarToken.create({ data: { id: newId("sidecarToken"), orgId: org.orgId, projectId, name: "t", prefix, hash } });
  return { token, id: row.id };
}

async function setup(name = "Ingest") {
  const org = await createTestOrg(name);
  const project = await prisma.project.create({ data: { id: newId("project"), orgId: org.orgId, name: "p", environment: "SANDBOX" } });
  const { token, id: tokenId } = await sidecarToken(org, project.id);
  return { org, projectId: project.id, token, tokenId };
}

function createRun(org: TestOrg, projectId: string, data: { status?: "RUNNING" | "COMPLETED"; startedAt?: Date; maxEvents?: number } = {}) {
  return prisma.run.create({
    data: { id: newId("run"), orgId: org.orgId, projectId, selection: {}, status: data.status ?? "RUNNING", startedAt: data.startedAt ?? new Date(Date.now() - 60_000), maxEvents: data.maxEvents ?? null },
  });
}

let counter = 0;
function egress(overrides: Record<string, unknown> = {}, data: Record<string, unknown> = {}) {
  counter += 1;
  return {
    id: `evt-${process.pid}-${Date.now()}-${counter}`,
    type: "egress.http",
    ts: new Date().toISOString(),
    data: { method: "POST", scheme: "https", host: "api.openai.com", port: 443, bytesOut: 100, bytesIn: 2000, durationMs: 12.5, tls: true, destinationClass: "llm_provider", hits: [], ...data },
    ...overrides,
  };
}

function send(token: string, events: unknown[], extra: Record<string, unknown> = {}) {
  const query = typeof extra.projectId === "string" ? `?projectId=${extra.projectId}` : "";
  return ingest(apiRequest("POST", `/api/v1/ingest/events${query}`, { token, body: { events } }));
}

type Result = { stored: number; duplicates: number; rejected: number; results: { index: number; id: string | null; status: string; seq?: number | null; runId?: string | null; error?: { code: string } }[] };

describe("POST /api/v1/ingest/events", () => {
  it("stores a valid batch (200) with one row per event, redacted sizes and rate limit headers", async () => {
    const { projectId, token } = await setup();
    const events = [egress(), egress({}, { path: "/v1/chat" }), { id: "drop-1", type: "sidecar.dropped", ts: new Date().toISOString(), data: { count: 3 } }];
    const res = await send(token, events);
    expect(res.status).toBe(200);
    expect(res.headers.get("ratelimit-limit")).toBeTruthy();
    const body = (await res.json()) as Result;
    expect(body).toMatchObject({ stored: 3, duplicates: 0, rejected: 0 });
    const rows = await prisma.event.findMany({ where: { projectId }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.clientEventId).sort()).toEqual(events.map((e) => e.id).sort());
    for (const row of rows) expect(row.sizeBytes).toBe(Buffer.byteLength(JSON.stringify(row.payload)));
  });

  it("answers 207 for a partly invalid batch and stores exactly the valid events", async () => {
    const { projectId, token } = await setup();
    const good = [egress(), egress()];
    const batch = [
      good[0],
      egress({}, { destinationClass: "somewhere" }),
      { ...egress(), extra: true },
      { id: "x", type: "mystery.type", ts: new Date().toISOString(), data: {} },
      egress({ ts: new Date(Date.now() + 30 * DAY).toISOString() }),
      good[1],
    ];
    const res = await send(token, batch);
    expect(res.status).toBe(207);
    const body = (await res.json()) as Result;
    expect(body).toMatchObject({ stored: 2, rejected: 4 });
    expect(body.results.map((r) => r.status)).toEqual(["stored", "rejected", "rejected", "rejected", "rejected", "stored"]);
    expect(body.results[1]!.error!.code).toBe("validation_failed");
    expect(body.results[4]!.error!.code).toBe("ts_out_of_range");
    const stored = await prisma.event.findMany({ where: { projectId } });
    expect(stored.map((r) => r.clientEventId).sort()).toEqual(good.map((e) => e.id).sort());
  });

  it("stores a batch replayed 10 times concurrently exactly once, with dense run sequence numbers", async () => {
    const { org, projectId, token } = await setup();
    const run = await createRun(org, projectId);
    const batch = [...Array.from({ length: 20 }, () => egress({ runId: run.id })), ...Array.from({ length: 5 }, () => ({ id: `d-${counter++}`, type: "sidecar.dropped", ts: new Date().toISOString(), data: { count: 1 } }))];
    const responses = await Promise.all(Array.from({ length: 10 }, () => send(token, batch)));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as Result[];
    expect(bodies.reduce((n, b) => n + b.stored, 0)).toBe(25);
    expect(await prisma.event.count({ where: { projectId } })).toBe(25);
    const seqs = (await prisma.event.findMany({ where: { runId: run.id }, select: { seq: true } })).map((e) => Number(e.seq)).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await prisma.run.findUniqueOrThrow({ where: { id: run.id } })).eventSeq).toBe(20n);
    // The store statement records usage for what it inserted, so duplicates are never counted.
    const storedBytes = (await prisma.event.aggregate({ where: { projectId }, _sum: { sizeBytes: true } }))._sum.sizeBytes!;
    const ledger = await prisma.usageEvent.groupBy({ by: ["kind"], where: { orgId: org.orgId }, _sum: { quantity: true } });
    expect(Object.fromEntries(ledger.map((l) => [l.kind, l._sum.quantity]))).toEqual({ EVENT: 25n, STORED_BYTES: BigInt(storedBytes) });
    const rollups = await prisma.usageDailyRollup.findMany({ where: { orgId: org.orgId } });
    expect(rollups.map((r) => [r.projectId, r.events, r.storedBytes])).toEqual([[projectId, 25n, BigInt(storedBytes)]]);
  });

  it("numbers concurrent distinct batches of one run 1..n with no number taken twice, each batch in event-time order", async () => {
    const { org, projectId, token } = await setup();
    const run = await createRun(org, projectId);
    const base = Date.now() - 10_000;
    // Event times run backwards inside each batch: numbering follows time, not position.
    const batches = Array.from({ length: 8 }, (_, b) => Array.from({ length: 25 }, (_, i) => egress({ runId: run.id, ts: new Date(base + b * 100 + (25 - i)).toISOString() })));
    const responses = await Promise.all(batches.map((batch) => send(token, batch)));
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(200));
    const rows = await prisma.event.findMany({ where: { runId: run.id }, select: { seq: true, ts: true, clientEventId: true } });
    expect(rows.map((r) => Number(r.seq)).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    for (const batch of batches) {
      const mine = rows.filter((r) => batch.some((e) => e.id === r.clientEventId)).sort((a, b) => Number(a.seq) - Number(b.seq));
      expect(mine.map((r) => r.ts.getTime())).toEqual([...mine.map((r) => r.ts.getTime())].sort((a, b) => a - b));
    }
    expect((await prisma.run.findUniqueOrThrow({ where: { id: run.id } })).eventSeq).toBe(200n);
  });

  it("answers 413 in the error envelope beyond 1,000 events or 1 MiB", async () => {
    const { projectId, token } = await setup();
    const tooMany = await send(token, Array.from({ length: 1001 }, () => ({ id: "a", type: "sidecar.dropped", ts: new Date().toISOString(), data: { count: 1 } })));
    expect(tooMany.status).toBe(413);
    expect(((await tooMany.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
    const huge = await send(token, [egress({}, { requestBodyExcerpt: "x".repeat(4000) })].concat(Array.from({ length: 300 }, () => egress({}, { requestBodyExcerpt: "y".repeat(4000) }))));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
    expect(await prisma.event.count({ where: { projectId } })).toBe(0);
  });

  it("answers 401 to a missing, unknown, malformed or revoked token", async () => {
    const { token, tokenId } = await setup();
    for (const bad of [undefined, `bws_${"a".repeat(42)}`, "bws_short", `${token.slice(0, -1)}${token.endsWith("a") ? "b" : "a"}`]) {
      const res = await send(bad as string, [egress()]);
      expect(res.status, String(bad)).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    }
    expect((await send(token, [egress()])).status).toBe(200);
    await prisma.sidecarToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    expect((await send(token, [egress()])).status).toBe(401);
  });

  it("accepts an API key with ingest:write for a project it names, and refuses one without the scope", async () => {
    const { org, projectId } = await setup();
    const key = await createTestApiKey(org, "member");
    expect((await send(key.token, [egress()], { projectId })).status).toBe(200);
    expect((await send(key.token, [egress()])).status).toBe(400);
    const viewer = await createTestApiKey(org, "viewer");
    expect((await send(viewer.token, [egress()], { projectId })).status).toBe(403);
    const other = await setup("Other org");
    expect((await send(key.token, [egress()], { projectId: other.projectId })).status).toBe(404);
  });

  it("answers 429 with Retry-After past the ingest limit, per token", async () => {
    const { org, projectId, token } = await setup();
    setPolicyOverride("ingest", { rules: { principal: { limit: 2, windowMs: DAY_WINDOW_MS } }, onBackendFailure: "memory" });
    expect((await send(token, [egress()])).status).toBe(200);
    expect((await send(token, [egress()])).status).toBe(200);
    const limited = await send(token, [egress()]);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    // Another token of the same project has its own allowance.
    const second = await sidecarToken(org, projectId);
    expect((await send(second.token, [egress()])).status).toBe(200);
  });

  it("stores secrets in an event payload redacted, never raw", async () => {
    const { projectId, token } = await setup();
    const secret = "sk-proj-" + "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z".repeat(2);
    const email = "victim.person@example.com";
    const event = egress({}, { requestBodyExcerpt: JSON.stringify({ key: secret, to: email }), path: `/collect?api_key=${secret}` });
    expect((await send(token, [event])).status).toBe(200);
    const row = await prisma.event.findFirstOrThrow({ where: { projectId } });
    const text = JSON.stringify(row.payload);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(email);
    expect(text).toContain("[EMAIL]");
  });

  it("attributes events by run header, by the running run's window, and rejects a foreign run per item", async () => {
    const { org, projectId, token } = await setup();
    const named = await createRun(org, projectId, { status: "COMPLETED", startedAt: new Date(Date.now() - 3_600_000) });
    const running = await createRun(org, projectId, { startedAt: new Date(Date.now() - 60_000) });
    const other = await setup("Foreign");
    const foreign = await createRun(other.org, other.projectId);
    const sameOrgOtherProject = await prisma.project.create({ data: { id: newId("project"), orgId: org.orgId, name: "q", environment: "SANDBOX" } });
    const sibling = await createRun(org, sameOrgOtherProject.id);

    const res = await send(token, [
      egress({ runId: named.id }),
      egress(),
      egress({ ts: new Date(Date.now() - 600_000).toISOString() }),
      egress({ runId: foreign.id }),
      egress({ runId: sibling.id }),
    ]);
    expect(res.status).toBe(207);
    const body = (await res.json()) as Result;
    expect(body.results.map((r) => [r.status, r.runId ?? null, r.error?.code ?? null])).toEqual([
      ["stored", named.id, null],
      ["stored", running.id, null],
      // Before the running run started: project-level.
      ["stored", null, null],
      ["rejected", null, "run_not_found"],
      ["rejected", null, "run_not_found"],
    ]);
    expect(await prisma.event.count({ where: { runId: { in: [foreign.id, sibling.id] } } })).toBe(0);
    expect(await prisma.event.count({ where: { projectId: other.projectId } })).toBe(0);
  });

  it("stops accepting events for a run at its events cap, with a per-item error", async () => {
    const { org, projectId, token } = await setup();
    const run = await createRun(org, projectId, { maxEvents: 3 });
    const first = (await (await send(token, [egress({ runId: run.id }), egress({ runId: run.id })])).json()) as Result;
    expect(first.stored).toBe(2);
    // The last event is about the sidecar, not the run: it is still accepted.
    const res = await send(token, [egress({ runId: run.id }), egress({ runId: run.id }), egress({ runId: run.id }), { id: `d-${counter++}`, type: "sidecar.dropped", ts: new Date().toISOString(), data: { count: 1 } }]);
    expect(res.status).toBe(207);
    const body = (await res.json()) as Result;
    expect(body.results.map((r) => r.error?.code ?? r.status)).toEqual(["stored", "run_event_cap", "run_event_cap", "stored"]);
    expect(await prisma.event.count({ where: { runId: run.id } })).toBe(3);
    expect((await prisma.run.findUniqueOrThrow({ where: { id: run.id } })).eventSeq).toBe(3n);
  });
});

describe("POST /api/v1/ingest/heartbeat", () => {
  it("records liveness on the token and the project and returns the sidecar configuration", async () => {
    const { projectId, token, tokenId } = await setup();
    await prisma.project.update({ where: { id: projectId }, data: { toolDomains: ["crm.example.com"], internalHostSuffixes: [".internal"], sinkhole: true, configVersion: 4 } });
    const before = await prisma.project.findUniqueOrThrow({ where: { id: projectId } });
    const res = await heartbeat(apiRequest("POST", "/api/v1/ingest/heartbeat", { token }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ projectId, configVersion: 4, toolDomains: ["crm.example.com"], internalHostSuffixes: [".internal"], sinkhole: true });
    const after = await prisma.project.findUniqueOrThrow({ where: { id: projectId } });
    expect(after.lastHeartbeatAt).not.toBeNull();
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect((await prisma.sidecarToken.findUniqueOrThrow({ where: { id: tokenId } })).lastSeenAt).not.toBeNull();
    expect((await heartbeat(apiRequest("POST", "/api/v1/ingest/heartbeat", { token: "bws_nope" }))).status).toBe(401);
  });
});
