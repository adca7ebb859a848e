import { ensureEventPartitions, newId, prisma } from "@bulwark/db";
import { createTestOrg } from "@bulwark/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as ingest } from "@/app/api/v1/ingest/events/route";
import { generateSecretToken } from "@/server/auth/secret-token";
import { apiRequest, createTestApiKey, routeParams } from "@/testing/credentials";
import { GET } from "./route";

beforeAll(async () => {
  await ensureEventPartitions(prisma, { from: new Date(Date.now() - 86_400_000), days: 9 });
});

async function setup(name: string) {
  const org = await createTestOrg(name);
  const project = await prisma.project.create({ data: { id: newId("project"), orgId: org.orgId, name: "p", environment: "SANDBOX" } });
  const { token, prefix, hash } = generateSecretToken("bws");
  await prisma.sidecarToken.create({ data: { id: newId("sidecarToken"), orgId: org.orgId, projectId: project.id, name: "t", prefix, hash } });
  // Finished, so only events naming it attach to it (none by time window).
  const run = await prisma.run.create({ data: { id: newId("run"), orgId: org.orgId, projectId: project.id, selection: {}, status: "COMPLETED", startedAt: new Date(Date.now() - 600_000) } });
  return { org, projectId: project.id, sidecar: token, runId: run.id, key: (await createTestApiKey(org, "viewer")).token };
}

const base = Date.now() - 300_000;
function event(i: number, extra: Record<string, unknown> = {}) {
  return {
    id: `e${i}`,
    type: "egress.http",
    // Two events share each timestamp, so the cursor must order by id within a ts.
    ts: new Date(base + Math.floor(i / 2) * 1000).toISOString(),
    data: { method: "GET", scheme: "http", host: "h.example", port: 80, path: `/p${i}`, bytesOut: 1, bytesIn: 1, durationMs: 1, tls: false, destinationClass: "tool", hits: [] },
    ...extra,
  };
}

type Page = { data: { clientEventId: string; ts: string; runId: string | null; type: string; data: { path?: string } }[]; nextCursor: string | null };

async function list(key: string, projectId: string, query: string) {
  return GET(apiRequest("GET", `/api/v1/projects/${projectId}/events?${query}`, { token: key }), routeParams({ id: projectId }));
}

describe("GET /api/v1/projects/{id}/events", () => {
  it("pages through events oldest first with a (ts, id) cursor, filters by run and type, and redacts", async () => {
    const a = await setup("Events A");
    // Sent newest first, so arrival order (id) alone would be wrong.
    const events = Array.from({ length: 9 }, (_, i) => event(i, i === 8 ? { data: { ...event(8).data, path: "/x?email=victim.person@example.com" } } : { runId: a.runId })).reverse();
    const sent = await ingest(apiRequest("POST", "/api/v1/ingest/events", { token: a.sidecar, body: { events: [...events, { id: "d", type: "sidecar.dropped", ts: new Date(base + 60_000).toISOString(), data: { count: 2 } }] } }));
    expect(sent.status).toBe(200);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await list(a.key, a.projectId, `type=egress.http&limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as Page;
      seen.push(...page.data.map((e) => e.clientEventId));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    const expected = await prisma.event.findMany({ where: { projectId: a.projectId, type: "egress.http" }, orderBy: [{ ts: "asc" }, { id: "asc" }] });
    expect(seen).toEqual(expected.map((e) => e.clientEventId));
    expect(new Set(seen).size).toBe(9);
    // Event time first: e0 and e1 share the oldest ts, e8 alone has the newest.
    expect(seen.slice(0, 2).sort()).toEqual(["e0", "e1"]);
    expect(seen.at(-1)).toBe("e8");
    const all = (await (await list(a.key, a.projectId, "limit=100")).json()) as Page;
    expect(all.data.map((e) => e.ts)).toEqual([...all.data.map((e) => e.ts)].sort());
    expect(all.data.at(-1)!.type).toBe("sidecar.dropped");
    const redacted = all.data.find((e) => e.clientEventId === "e8")!;
    expect(redacted.data.path).not.toContain("victim.person@example.com");

    const byRun = (await (await list(a.key, a.projectId, `runId=${a.runId}&limit=100`)).json()) as Page;
    expect(byRun.data).toHaveLength(8);
    expect(byRun.data.every((e) => e.runId === a.runId)).toBe(true);

    expect((await list(a.key, a.projectId, "cursor=garbage")).status).toBe(422);
  });

  it("answers 404 for another organization's project", async () => {
    const a = await setup("Events A2");
    const b = await setup("Events B");
    expect((await ingest(apiRequest("POST", "/api/v1/ingest/events", { token: b.sidecar, body: { events: [event(1)] } }))).status).toBe(200);
    const res = await list(a.key, b.projectId, "limit=10");
    expect(res.status).toBe(404);
  });
});
