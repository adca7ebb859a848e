import { newId, prisma } from "@bulwark/db";
import { createTestOrg, type TestOrg } from "@bulwark/db/testing";
import { evidenceHash } from "@bulwark/redteam";
import { describe, expect, it } from "vitest";
import { apiRequest, type ApiRequestOptions, createSessionCookie, createTestApiKey, routeParams } from "@/testing/credentials";
import { DELETE as removeMember } from "../members/[id]/route";
import { GET as listRunFindings } from "../runs/[id]/findings/route";
import { GET as getOne, PATCH } from "./[id]/route";
import { GET as list } from "./route";

type Role = "owner" | "admin" | "member" | "viewer";
type FindingJson = {
  id: string;
  runId: string;
  projectId: string;
  status: string;
  severity: string;
  riskScore: number | null;
  assignee: { id: string; email: string } | null;
  triageNote: string | null;
  triagedAt: string | null;
  triagedById: string | null;
};
type ErrorJson = { error: { code: string; details?: { fields?: { path: string; code: string }[] } } };

const as = (org: TestOrg, role: Role) => createSessionCookie(org.users[role].id, org.orgId);

async function seedRun(org: TestOrg) {
  const project = await prisma.project.create({ data: { id: newId("project"), orgId: org.orgId, name: "Support agent", environment: "SANDBOX" } });
  const run = await prisma.run.create({ data: { id: newId("run"), orgId: org.orgId, projectId: project.id, selection: {} } });
  return { projectId: project.id, runId: run.id };
}

/** A run's evidence chain, linked the way the worker links it. */
async function seedChain(org: TestOrg, runId: string, kinds: ("MESSAGE" | "REPLY" | "VERDICT" | "FINDING")[]) {
  let prev: string | null = null;
  const rows = kinds.map((kind, index) => {
    const seq = index + 1;
    const payload = { text: `${kind.toLowerCase()} ${seq}`, secret: "[REDACTED:API_KEY]" };
    const hash = evidenceHash(prev, { seq, kind, payload, turnId: null });
    const row = { id: newId("evidence"), orgId: org.orgId, runId, seq, kind, payload, prevHash: prev, hash };
    prev = hash;
    return row;
  });
  await prisma.evidenceItem.createMany({ data: rows });
  await prisma.run.update({ where: { id: runId }, data: { evidenceSeq: rows.length, evidenceHeadHash: prev } });
  return rows;
}

// Ids sort by creation time; one tick apart per finding, so "newest first" is exact even within a millisecond.
let clock = Date.now();
async function seedFinding(
  org: TestOrg,
  at: { projectId: string; runId: string },
  over: { severity?: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "INFO"; riskScore?: number | null; category?: string; status?: "OPEN" | "FALSE_POSITIVE"; evidenceIds?: string[] } = {},
) {
  const id = newId("finding", (clock += 1));
  return prisma.finding.create({
    data: {
      id,
      orgId: org.orgId,
      ...at,
      fingerprint: `fp-${id}`,
      scenarioKey: "secret_leakage.environment-dump",
      scenarioVersion: 1,
      category: over.category ?? "secret_leakage",
      severity: over.severity ?? "HIGH",
      confidence: 0.9,
      riskScore: over.riskScore === undefined ? 7.5 : over.riskScore,
      title: "Dumps its environment variables",
      summary: "A credential appeared in the reply (direct phrasing)",
      status: over.status ?? "OPEN",
      evidenceIds: over.evidenceIds ?? [],
      remediation: { summary: "Keep secrets out of the context.", steps: ["Move the key to the tool runtime."], references: [] },
      mappings: { owaspLlm: ["LLM02:2025"], owaspAgentic: ["T6"], atlas: ["AML.T0057"] },
    },
  });
}

function triage(id: string, body: unknown, auth: ApiRequestOptions) {
  return PATCH(apiRequest("PATCH", `/api/v1/findings/${id}`, { ...auth, body }), routeParams({ id }));
}

function read(id: string, auth: ApiRequestOptions) {
  return getOne(apiRequest("GET", `/api/v1/findings/${id}`, auth), routeParams({ id }));
}

function fieldPaths(json: ErrorJson) {
  return json.error.details?.fields?.map((field) => field.path);
}

describe("GET /api/v1/runs/{id}/findings", () => {
  it("lists the run's findings highest risk first, then by severity, and only that run's", async () => {
    const org = await createTestOrg();
    const at = await seedRun(org);
    const other = await seedRun(org);
    const low = await seedFinding(org, at, { severity: "LOW", riskScore: 2.1 });
    const critical = await seedFinding(org, at, { severity: "CRITICAL", riskScore: 9.4 });
    const unscored = await seedFinding(org, at, { severity: "CRITICAL", riskScore: null });
    const tieHigh = await seedFinding(org, at, { severity: "HIGH", riskScore: 6 });
    const tieMedium = await seedFinding(org, at, { severity: "MEDIUM", riskScore: 6 });
    await seedFinding(org, other);

    const res = await listRunFindings(apiRequest("GET", `/api/v1/runs/${at.runId}/findings`, { cookie: await as(org, "viewer") }), routeParams({ id: at.runId }));
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: FindingJson[] };
    expect(data.map((finding) => finding.id)).toEqual([critical.id, tieHigh.id, tieMedium.id, low.id, unscored.id]);
    expect(data[0]).toMatchObject({ severity: "critical", riskScore: 9.4, status: "open", assignee: null, runId: at.runId });
  });

  it("answers 404 for another organization's run, even to its owner's key", async () => {
    const [org, victim] = await Promise.all([createTestOrg(), createTestOrg()]);
    const theirs = await seedRun(victim);
    await seedFinding(victim, theirs);
    const { token } = await createTestApiKey(org, "owner");
    const res = await listRunFindings(apiRequest("GET", `/api/v1/runs/${theirs.runId}/findings`, { token }), routeParams({ id: theirs.runId }));
    expect(res.status).toBe(404);
  });
});

describe("GET /api/v1/findings", () => {
  it("filters by project, run, status, severity and category, and never shows another organization's findings", async () => {
    const [org, victim] = await Promise.all([createTestOrg(), createTestOrg()]);
    const a = await seedRun(org);
    const b = await seedRun(org);
    const critical = await seedFinding(org, a, { severity: "CRITICAL" });
    const dismissed = await seedFinding(org, a, { status: "FALSE_POSITIVE", category: "prompt_injection" });
    const inB = await seedFinding(org, b, { severity: "LOW" });
    const theirs = await seedRun(victim);
    await seedFinding(victim, theirs, { severity: "CRITICAL" });
    const cookie = await as(org, "viewer");
    const ids = async (query: string) => {
      const res = await list(apiRequest("GET", `/api/v1/findings${query}`, { cookie }));
      expect(res.status, query).toBe(200);
      return ((await res.json()) as { data: FindingJson[] }).data.map((finding) => finding.id);
    };

    expect(await ids("")).toEqual([inB.id, dismissed.id, critical.id]);
    expect(await ids(`?projectId=${a.projectId}`)).toEqual([dismissed.id, critical.id]);
    expect(await ids(`?runId=${b.runId}`)).toEqual([inB.id]);
    expect(await ids("?status=false_positive")).toEqual([dismissed.id]);
    expect(await ids("?severity=critical")).toEqual([critical.id]);
    expect(await ids("?category=prompt_injection")).toEqual([dismissed.id]);
    expect(await ids(`?projectId=${a.projectId}&severity=low`)).toEqual([]);
    // Naming another organization's project or run is a filter that matches nothing, not a way in.
    expect(await ids(`?projectId=${theirs.projectId}`)).toEqual([]);
    expect(await ids(`?runId=${theirs.runId}`)).toEqual([]);
  });

  it("pages newest first with a cursor and refuses unknown filter values", async () => {
    const org = await createTestOrg();
    const at = await seedRun(org);
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await seedFinding(org, at)).id);
    const { token } = await createTestApiKey(org, "member");
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await list(apiRequest("GET", `/api/v1/findings?limit=2${cursor ? `&cursor=${cursor}` : ""}`, { token }));
      const page = (await res.json()) as { data: FindingJson[]; nextCursor: string | null };
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((finding) => finding.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(made.reverse());

    const bad = await list(apiRequest("GET", "/api/v1/findings?status=closed&severity=urgent&projectId=x", { token }));
    expect(bad.status).toBe(422);
    expect(fieldPaths((await bad.json()) as ErrorJson)?.sort()).toEqual(["projectId", "severity", "status"]);
  });
});

describe("GET /api/v1/findings/{id}", () => {
  it("returns the finding with the evidence links it cites, in chain order and linked, and nothing from another run", async () => {
    const [org, victim] = await Promise.all([createTestOrg(), createTestOrg()]);
    const at = await seedRun(org);
    const chain = await seedChain(org, at.runId, ["MESSAGE", "REPLY", "VERDICT", "FINDING"]);
    const theirs = await seedRun(victim);
    const [foreign] = await seedChain(victim, theirs.runId, ["MESSAGE"]);
    // Cited out of order, plus an id from another organization's run that must never be read.
    const cited = [chain[3]!.id, chain[0]!.id, foreign!.id, chain[1]!.id, chain[2]!.id];
    const finding = await seedFinding(org, at, { evidenceIds: cited });

    const res = await read(finding.id, { cookie: await as(org, "viewer") });
    expect(res.status).toBe(200);
    const detail = (await res.json()) as FindingJson & { evidenceIds: string[]; evidence: { id: string; seq: number; kind: string; payload: unknown; hash: string; prevHash: string | null }[] };
    expect(detail.evidenceIds).toEqual(cited);
    expect(detail.evidence.map((link) => [link.seq, link.kind])).toEqual([[1, "message"], [2, "reply"], [3, "verdict"], [4, "finding"]]);
    expect(detail.evidence[1]).toMatchObject({ payload: { text: "reply 2", secret: "[REDACTED:API_KEY]" }, prevHash: detail.evidence[0]!.hash });
    expect(detail.evidence.every((link, i) => link.hash === chain[i]!.hash)).toBe(true);
    expect(detail).toMatchObject({ remediation: { steps: ["Move the key to the tool runtime."] }, mappings: { owaspLlm: ["LLM02:2025"] } });
  });

  it("answers 404 for another organization's finding and for ids that are not findings", async () => {
    const [org, victim] = await Promise.all([createTestOrg(), createTestOrg()]);
    const theirs = await seedFinding(victim, await seedRun(victim));
    const { token } = await createTestApiKey(org, "owner");
    expect((await read(theirs.id, { token })).status).toBe(404);
    expect((await read(newId("finding"), { token })).status).toBe(404);
    expect((await read(theirs.runId, { token })).status).toBe(404);
  });
});

describe("PATCH /api/v1/findings/{id}", () => {
  it("sets status, assignee and note, stamps who triaged it, audits it, and can clear them again", async () => {
    const org = await createTestOrg();
    const finding = await seedFinding(org, await seedRun(org));
    const cookie = await as(org, "member");

    const res = await triage(finding.id, { status: "false_positive", assigneeId: org.users.admin.id, note: "  The 'key' is a documented test fixture.  " }, { cookie });
    expect(res.status).toBe(200);
    const triaged = (await res.json()) as FindingJson;
    expect(triaged).toMatchObject({
      status: "false_positive",
      assignee: { id: org.users.admin.id, email: org.users.admin.email },
      triageNote: "The 'key' is a documented test fixture.",
      triagedById: org.users.member.id,
    });
    expect(Date.now() - Date.parse(triaged.triagedAt!)).toBeLessThan(60_000);
    // Persisted as the worker reads it when it carries a false positive forward.
    expect(await prisma.finding.findUniqueOrThrow({ where: { id: finding.id } })).toMatchObject({ status: "FALSE_POSITIVE", assigneeId: org.users.admin.id });

    const audit = await prisma.auditLogEntry.findFirstOrThrow({ where: { orgId: org.orgId, action: "finding.triage", targetId: finding.id } });
    expect(audit).toMatchObject({ actorUserId: org.users.member.id, targetType: "finding" });
    expect(audit.paramsPreview).toContain('"previousStatus":"open"');
    expect(audit.paramsPreview).toContain('"status":"false_positive"');

    const unassigned = await triage(finding.id, { assigneeId: null }, { cookie });
    expect(await unassigned.json()).toMatchObject({ status: "false_positive", assignee: null, triageNote: "The 'key' is a documented test fixture." });
    const reopened = await triage(finding.id, { status: "open", note: null }, { cookie });
    expect(await reopened.json()).toMatchObject({ status: "open", assignee: null, triageNote: null });
  });

  it("dismisses a finding only with a note saying why, and keeps that note while it stays dismissed", async () => {
    const org = await createTestOrg();
    const finding = await seedFinding(org, await seedRun(org));
    const cookie = await as(org, "member");
    for (const status of ["false_positive", "accepted_risk"]) {
      for (const body of [{ status }, { status, note: null }, { status, note: "   " }]) {
        const res = await triage(finding.id, body, { cookie });
        expect(res.status, JSON.stringify(body)).toBe(422);
        expect(fieldPaths((await res.json()) as ErrorJson), JSON.stringify(body)).toEqual(["note"]);
      }
    }
    expect(await prisma.finding.findUniqueOrThrow({ where: { id: finding.id } })).toMatchObject({ status: "OPEN", triageNote: null, triagedAt: null });

    expect((await triage(finding.id, { status: "accepted_risk", note: "Internal demo agent; never deployed." }, { cookie })).status).toBe(200);
    const clearing = await triage(finding.id, { note: null }, { cookie });
    expect(clearing.status).toBe(422);
    expect(((await clearing.json()) as ErrorJson).error.details?.fields).toEqual([expect.objectContaining({ path: "note", code: "reason_required" })]);
    // Another reason replaces it; the status may change without a note when it is no dismissal.
    expect((await triage(finding.id, { note: "Accepted until the Q3 rewrite." }, { cookie })).status).toBe(200);
    expect(await (await triage(finding.id, { status: "confirmed" }, { cookie })).json()).toMatchObject({ status: "confirmed", triageNote: "Accepted until the Q3 rewrite." });
    expect(await prisma.auditLogEntry.count({ where: { orgId: org.orgId, action: "finding.triage", targetId: finding.id } })).toBe(3);
  });

  it("refuses an assignee who is not a current member: another organization's, unknown, or removed", async () => {
    const [org, other] = await Promise.all([createTestOrg(), createTestOrg()]);
    const finding = await seedFinding(org, await seedRun(org));
    const cookie = await as(org, "owner");
    for (const assigneeId of [other.users.owner.id, newId("user")]) {
      const res = await triage(finding.id, { status: "confirmed", assigneeId }, { cookie });
      expect(res.status, assigneeId).toBe(422);
      const json = (await res.json()) as ErrorJson;
      expect(json.error.details?.fields).toEqual([expect.objectContaining({ path: "assigneeId", code: "not_a_member" })]);
    }
    // Nothing was half-applied.
    expect(await prisma.finding.findUniqueOrThrow({ where: { id: finding.id } })).toMatchObject({ status: "OPEN", assigneeId: null, triagedAt: null });
    expect(await prisma.auditLogEntry.count({ where: { orgId: org.orgId, action: "finding.triage" } })).toBe(0);
  });

  it("unassigns a member's findings when they leave the organization", async () => {
    const org = await createTestOrg();
    const finding = await seedFinding(org, await seedRun(org));
    const owner = await as(org, "owner");
    expect((await triage(finding.id, { assigneeId: org.users.viewer.id }, { cookie: owner })).status).toBe(200);
    const membership = await prisma.membership.findUniqueOrThrow({ where: { orgId_userId: { orgId: org.orgId, userId: org.users.viewer.id } } });
    const removed = await removeMember(apiRequest("DELETE", `/api/v1/members/${membership.id}`, { cookie: owner }), routeParams({ id: membership.id }));
    expect(removed.status).toBe(204);
    expect((await prisma.finding.findUniqueOrThrow({ where: { id: finding.id } })).assigneeId).toBeNull();
    expect((await triage(finding.id, { assigneeId: org.users.viewer.id }, { cookie: owner })).status).toBe(422);
  });

  it("refuses an empty change, unknown statuses and fields it does not own", async () => {
    const [org, victim] = await Promise.all([createTestOrg(), createTestOrg()]);
    const finding = await seedFinding(org, await seedRun(org));
    const cookie = await as(org, "owner");
    expect((await triage(finding.id, {}, { cookie })).status).toBe(422);
    const bad = await triage(finding.id, { status: "resolved", assigneeId: "someone", note: "" }, { cookie });
    expect(bad.status).toBe(422);
    expect(fieldPaths((await bad.json()) as ErrorJson)?.sort()).toEqual(["assigneeId", "note", "status"]);
    for (const extra of [{ orgId: victim.orgId }, { severity: "info" }, { riskScore: 0 }, { triagedById: org.users.viewer.id }, { runId: newId("run") }]) {
      const res = await triage(finding.id, { status: "confirmed", ...extra }, { cookie });
      expect(res.status, JSON.stringify(extra)).toBe(422);
    }
    expect(await prisma.finding.findUniqueOrThrow({ where: { id: finding.id } })).toMatchObject({ status: "OPEN", severity: "HIGH", orgId: org.orgId });
  });

  it("answers 404 for another organization's finding and leaves it untouched; a viewer gets 403", async () => {
    const [org, victim] = await Promise.all([createTestOrg(), createTestOrg()]);
    const theirs = await seedFinding(victim, await seedRun(victim));
    const { token } = await createTestApiKey(org, "owner");
    expect((await triage(theirs.id, { status: "false_positive", note: "not mine to judge" }, { token })).status).toBe(404);
    // Assigning a victim's finding to oneself is the same 404, not a membership error.
    expect((await triage(theirs.id, { assigneeId: org.users.owner.id }, { token })).status).toBe(404);
    expect(await prisma.finding.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ status: "OPEN", assigneeId: null });

    const mine = await seedFinding(org, await seedRun(org));
    const viewer = await triage(mine.id, { status: "false_positive", note: "a viewer's opinion" }, { cookie: await as(org, "viewer") });
    expect(viewer.status).toBe(403);
    const viewerKey = await createTestApiKey(org, "viewer");
    expect((await triage(mine.id, { status: "fixed" }, { token: viewerKey.token })).status).toBe(403);
    expect((await prisma.finding.findUniqueOrThrow({ where: { id: mine.id } })).status).toBe("OPEN");
  });
});
