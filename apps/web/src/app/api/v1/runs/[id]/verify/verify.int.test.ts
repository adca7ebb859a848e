import { newId, type Prisma, prisma } from "@bulwark/db";
import { createTestOrg, type TestOrg } from "@bulwark/db/testing";
import { evidenceHash } from "@bulwark/redteam";
import { beforeAll, describe, expect, it } from "vitest";
import { apiRequest, createTestApiKey, routeParams } from "@/testing/credentials";
import { GET } from "./route";

let org: TestOrg;
let key: string;
beforeAll(async () => {
  org = await createTestOrg("Verify");
  key = (await createTestApiKey(org, "viewer")).token;
});

/** A run with `links` hash-linked evidence items, its head recorded after `headAt` of them. */
async function runWithChain(status: "RUNNING" | "COMPLETED", links: number, headAt = links) {
  const project = await prisma.project.create({ data: { id: newId("project"), orgId: org.orgId, name: "p", environment: "SANDBOX" } });
  const run = await prisma.run.create({ data: { id: newId("run"), orgId: org.orgId, projectId: project.id, selection: {}, status } });
  let prev: string | null = null;
  let head: string | null = null;
  for (let seq = 1; seq <= links; seq++) {
    const payload: Prisma.InputJsonValue = { text: `link ${seq}` };
    const hash = evidenceHash(prev, { seq, kind: "REPLY", payload, turnId: null });
    await prisma.evidenceItem.create({ data: { id: newId("evidence"), orgId: org.orgId, runId: run.id, seq, kind: "REPLY", payload, prevHash: prev, hash } });
    prev = hash;
    if (seq === headAt) head = hash;
  }
  await prisma.run.update({ where: { id: run.id }, data: { evidenceSeq: headAt, evidenceHeadHash: head } });
  return run.id;
}

const verify = async (runId: string, token = key) => {
  const res = await GET(apiRequest("GET", `/api/v1/runs/${runId}/verify`, { token }), routeParams({ id: runId }));
  return { status: res.status, body: (await res.json()) as { ok: boolean; items: number; firstMismatch: { seq: number; reason: string } | null } };
};

describe("GET /api/v1/runs/{id}/verify", () => {
  it("checks a live run up to the head it read, so a link appended meanwhile is not taken for tampering", async () => {
    // Link 4 committed after the head (3) was read: what a verify racing the worker sees.
    const { body } = await verify(await runWithChain("RUNNING", 4, 3));
    expect(body).toMatchObject({ ok: true, items: 3, firstMismatch: null });
  });

  it("reports a link past a finished run's head: it was added behind the run's back", async () => {
    const { body } = await verify(await runWithChain("COMPLETED", 4, 3));
    expect(body).toMatchObject({ ok: false, firstMismatch: { seq: 4, reason: "hash_mismatch" } });
  });

  it("passes an honest finished chain, and is 404 for another organization's run", async () => {
    const runId = await runWithChain("COMPLETED", 5);
    expect((await verify(runId)).body).toMatchObject({ ok: true, items: 5 });
    const stranger = (await createTestApiKey(await createTestOrg("Verify other"), "owner")).token;
    expect((await verify(runId, stranger)).status).toBe(404);
  });
});
