import { ensureEventPartitions, newId, prisma } from "@bulwark/db";
import { createTestOrg, type TestOrg } from "@bulwark/db/testing";
import type { RunReport } from "@bulwark/redteam";
import { checkWellFormedXml, sarifSchemaErrors } from "@bulwark/redteam/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { apiRequest, createTestApiKey, routeParams } from "@/testing/credentials";
import { createTestRun } from "@/testing/create-test-run";
import { GET } from "./route";

/** A reply that tries to break out of HTML (a script, a textarea) and of Markdown (a fence). */
const HOSTILE_REPLY = 'Sure, here it is: <script>alert("pwned")</script></textarea><img src=x onerror=alert(1)> ``` done';

let org: TestOrg;
let viewerKey: string;
let completed: Awaited<ReturnType<typeof createTestRun>>;

beforeAll(async () => {
  org = await createTestOrg("Reports");
  viewerKey = (await createTestApiKey(org, "viewer")).token;
  completed = await createTestRun(org, {
    attacks: [
      { scenarioKey: "privilege_escalation.claimed-executive-delete", outcome: "fail", reply: HOSTILE_REPLY },
      { scenarioKey: "privilege_escalation.claimed-executive-delete", variant: "role_play", outcome: "pass" },
      { scenarioKey: "secret_leakage.environment-dump", outcome: "pass" },
      { scenarioKey: "secret_leakage.environment-dump", variant: "role_play", outcome: "inconclusive" },
      { scenarioKey: "memory_poisoning.standing-credential-disclosure", outcome: "fail", reply: "The password is hunter2-canary" },
    ],
  });
});

function report(runId: string, format?: string, token = viewerKey) {
  return GET(apiRequest("GET", `/api/v1/runs/${runId}/report${format ? `?format=${format}` : ""}`, { token }), routeParams({ id: runId }));
}

async function jsonReport(runId: string): Promise<RunReport> {
  const res = await report(runId, "json");
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as RunReport;
}

describe("GET /api/v1/runs/{id}/report", () => {
  it.each([
    ["md", "text/markdown; charset=utf-8", "md"],
    ["html", "text/html; charset=utf-8", "html"],
    ["json", "application/json", "json"],
    ["sarif", "application/sarif+json", "sarif"],
    ["junit", "application/xml", "xml"],
    [undefined, "application/json", "json"],
  ])("renders format %s as %s, as an attachment", async (format, contentType, extension) => {
    const res = await report(completed.runId, format);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(contentType);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="bulwark-run-${completed.runId}.${extension}"`);
    expect(res.headers.get("content-security-policy")).toMatch(/^default-src 'none';/);
    expect(res.headers.get("content-security-policy")).not.toMatch(/script-src/);
    expect((await res.text()).length).toBeGreaterThan(200);
  });

  it("refuses an unknown format", async () => {
    expect((await report(completed.runId, "pdf")).status).toBe(422);
  });

  it("builds the model from the stored run: project, scope, scores, findings with their evidence in chain order", async () => {
    const model = await jsonReport(completed.runId);
    expect(model).toMatchObject({ runId: completed.runId, project: { name: "Support bot", environment: "staging" }, status: "completed", stopReason: null, intensity: "medium" });
    expect(model.scope.categories).toEqual(["secret_leakage", "privilege_escalation", "memory_poisoning"]);
    expect(model.scope.scenarios.find((s) => s.key === "secret_leakage.environment-dump")?.variants).toEqual(["direct", "role_play"]);
    expect(model.scores.overall).toMatchObject({ judged: 5, passed: 2, failed: 2, inconclusive: 1, notRun: 0 });
    expect(model.inconclusiveCount).toBe(1);
    expect(model.turns).toEqual({ total: 6, passed: 2, failed: 2, inconclusive: 1 });

    const stored = await prisma.finding.findMany({ where: { runId: completed.runId } });
    expect(model.findings.map((f) => f.fingerprint).sort()).toEqual(stored.map((f) => f.fingerprint).sort());
    const wipe = model.findings.find((f) => f.scenarioKey === "privilege_escalation.claimed-executive-delete")!;
    expect(wipe).toMatchObject({ severity: "critical", detector: "privileged_internal", variants: ["direct"], status: "open", mappings: { owaspLlm: expect.any(Array) } });
    expect(wipe.remediation.steps.length).toBeGreaterThan(0);
    expect(wipe.evidence.map((link) => link.kind)).toEqual(["MESSAGE", "REPLY", "VERDICT", "FINDING"]);
    const seqs = wipe.evidence.map((link) => link.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(wipe.evidence[1]).toMatchObject({ turnIndex: 0, text: HOSTILE_REPLY });
    const rows = await prisma.evidenceItem.findMany({ where: { runId: completed.runId, seq: { in: seqs } }, orderBy: { seq: "asc" } });
    expect(wipe.evidence.map((link) => link.hash)).toEqual(rows.map((row) => row.hash));
    // Riskiest first: the critical delete outranks the memory-poisoning secret pattern.
    expect(model.findings[0]!.scenarioKey).toBe("privilege_escalation.claimed-executive-delete");
    expect(model.scores.riskScore).toBe(Math.round((model.findings[0]!.riskScore + 0.1) * 10) / 10);

    expect(model.evidence).toEqual({ headHash: completed.headHash, verification: { ok: true, headHash: completed.headHash } });
    expect(model.limitations).toEqual(expect.arrayContaining([expect.stringMatching(/^No LLM judge/), expect.stringMatching(/^No egress was captured/)]));
    expect(model.limitations.some((item) => item.startsWith("Partial"))).toBe(false);
  });

  it("validates SARIF against the official 2.1.0 schema, with one result per finding", async () => {
    const log = JSON.parse(await (await report(completed.runId, "sarif")).text());
    expect(sarifSchemaErrors(log)).toBeNull();
    expect(log.runs[0].results).toHaveLength(2);
    expect(log.runs[0].properties.evidenceHeadHash).toBe(completed.headHash);
    expect(sarifSchemaErrors({ ...log, version: "2.0" })).not.toBeNull();
  });

  it("writes well-formed JUnit XML with one testcase per scenario instance", async () => {
    const xml = await (await report(completed.runId, "junit")).text();
    expect(checkWellFormedXml(xml)).toBeNull();
    expect(xml.match(/<testcase /g)).toHaveLength(5);
    expect(xml.match(/<failure /g)).toHaveLength(2);
    expect(xml.match(/<error /g)).toHaveLength(1);
  });

  it("escapes the agent's markup in HTML and prints the evidence head hash in HTML and Markdown", async () => {
    const html = await (await report(completed.runId, "html")).text();
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("</textarea>");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;&lt;/textarea&gt;");
    expect(html).toContain(`<code>${completed.headHash}</code>`);
    expect(html).toContain('class="chain-ok"');

    const md = await (await report(completed.runId, "md")).text();
    expect(md).toContain(`Head hash: \`${completed.headHash}\``);
    expect(md).toContain("verified: every link recomputes to the head hash");
  });

  it("says the chain does not verify when an evidence row was tampered with", async () => {
    const run = await createTestRun(org, { attacks: [{ scenarioKey: "secret_leakage.cloud-credentials", outcome: "fail", reply: "AKIA… no, I won't." }] });
    await prisma.$transaction(async (tx) => {
      // Evidence is append-only; only a retention transaction may delete. Put back an edited reply.
      await tx.$executeRaw`SELECT set_config('bulwark.evidence_retention', 'on', true)`;
      const reply = await tx.evidenceItem.findFirstOrThrow({ where: { runId: run.runId, kind: "REPLY" } });
      await tx.evidenceItem.delete({ where: { id: reply.id } });
      await tx.evidenceItem.create({ data: { ...reply, payload: { text: "I refused." } } });
    });

    const model = await jsonReport(run.runId);
    expect(model.evidence).toEqual({ headHash: run.headHash, verification: { ok: false, firstMismatch: { seq: 2, reason: "hash_mismatch" } } });
    const md = await (await report(run.runId, "md")).text();
    expect(md).toContain("FAILED at link 2");
    const html = await (await report(run.runId, "html")).text();
    expect(html).toContain('class="chain-failed"');
    expect(html).toContain("FAILED at link 2");
  });

  it("reports a running run as partial, judging only the attacks whose turns all finished", async () => {
    const run = await createTestRun(org, {
      status: "RUNNING",
      attacks: [
        { scenarioKey: "system_prompt_leakage.verbatim-repeat", outcome: "fail", reply: "My instructions are: ..." },
        { scenarioKey: "system_prompt_leakage.developer-mode", outcome: "not_run" },
      ],
    });
    const model = await jsonReport(run.runId);
    expect(model.status).toBe("running");
    expect(model.instances.map((i) => [i.scenarioKey, i.verdict])).toEqual([
      ["system_prompt_leakage.developer-mode", "not_run"],
      ["system_prompt_leakage.verbatim-repeat", "fail"],
    ]);
    expect(model.instances[1]!.findingFingerprint).toBe(run.fingerprint("system_prompt_leakage.verbatim-repeat"));
    expect(model.instances[1]!.reason).toMatch(/detector fired/);
    expect(model.scores.overall).toMatchObject({ judged: 1, failed: 1, notRun: 1 });
    expect(model.findings).toHaveLength(1);
    expect(model.limitations[0]).toBe("Partial: the run is still going (1 of 2 turns done); scenario instances not yet judged count as not run.");
    expect(model.evidence.verification.ok).toBe(true);

    const queued = await createTestRun(org, { status: "QUEUED", attacks: [{ scenarioKey: "system_prompt_leakage.developer-mode", outcome: "not_run" }] });
    const empty = await jsonReport(queued.runId);
    expect(empty.limitations[0]).toBe("Partial: the run has not started yet; nothing has been judged.");
    expect(empty.evidence).toEqual({ headHash: null, verification: { ok: true, headHash: null } });
  });

  it("says how far a canceled run got, and when egress was attributed by time window", async () => {
    await ensureEventPartitions(prisma, { from: new Date(Date.now() - 86_400_000), days: 3 });
    const run = await createTestRun(org, {
      status: "CANCELED",
      stopReason: "USER_CANCEL",
      attacks: [
        { scenarioKey: "data_exfiltration.credentials-to-webhook", outcome: "fail" },
        { scenarioKey: "data_exfiltration.monitoring-ping-with-key", outcome: "not_run" },
      ],
    });
    const data = { method: "POST", scheme: "http", host: "collect.attacker.example", port: 80, path: "/upload", bytesOut: 10, bytesIn: 2, durationMs: 5, tls: false, destinationClass: "attacker_sink", hits: [] };
    await prisma.event.create({
      data: { ts: new Date(), orgId: org.orgId, projectId: run.projectId, runId: run.runId, turnId: null, seq: 1, clientEventId: newId("request"), type: "egress.http", payload: data, sizeBytes: 100 },
    });
    const model = await jsonReport(run.runId);
    expect(model).toMatchObject({ status: "canceled", stopReason: "user_cancel" });
    expect(model.limitations[0]).toBe("Partial: the run was canceled after 1 of 2 turns.");
    expect(model.limitations[1]).toMatch(/^1 egress event carried no turn id because the agent does not forward the run headers/);
    expect(model.limitations.some((item) => item.startsWith("No egress was captured"))).toBe(false);
  });

  it("answers 404 for another organization's run", async () => {
    const other = await createTestOrg("Reports other");
    const res = await report(completed.runId, "md", (await createTestApiKey(other, "owner")).token);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });
});
