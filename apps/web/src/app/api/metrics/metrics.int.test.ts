import path from "node:path";
import { ensureEventPartitions, newId, prisma } from "@bulwark/db";
import { createTestOrg } from "@bulwark/db/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiRequest, createTestApiKey, createTestSidecarToken, routeParams } from "@/testing/credentials";
import { createTestRun } from "@/testing/create-test-run";
import { findPromtool, itWithPromtool, requirePromtool, runPromtool } from "@/testing/promtool";
import { DAY_WINDOW_MS } from "@/testing/rate-limits";

const TOKEN = "metrics-token-for-tests-0123456789";
const URL = "http://test/api/metrics";
const PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

async function loadRoute(vars: Record<string, string>) {
  vi.resetModules();
  vi.stubEnv("METRICS_TOKEN", "");
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  return (await import("./route")).GET;
}
const scrape = (GET: (req: Request) => Promise<Response>, headers: Record<string, string> = {}) => GET(new Request(URL, { headers }));

/** The samples of one family in Prometheus text: `name{labels} value` lines. */
function samples(text: string, name: string): { labels: string; value: number }[] {
  return text
    .split("\n")
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .map((line) => {
      const m = /^[^{ ]+(\{.*\})? (\S+)$/.exec(line)!;
      return { labels: m[1] ?? "", value: Number(m[2]) };
    });
}
const sampleValue = (text: string, name: string, labels: string) => samples(text, name).find((s) => s.labels === labels)?.value ?? 0;

/**
 * Real activity, so the families carry samples: REST requests, an ingest batch with a secret,
 * a quota denial, a rate limit rejection, runs with turns and findings, a chain check. Once per
 * file: the counters live on globalThis, and the shared rate limiter keeps the policy module it
 * was created with, which a later vi.resetModules() would hide the override from.
 */
let activity: Promise<unknown> | undefined;
const generateActivity = () => (activity ??= recordActivity());

async function recordActivity() {
  const org = await createTestOrg("Metrics");
  const { GET: health } = await import("../health/route");
  expect((await health(new Request("http://test/api/health"))).status).toBe(200);

  await ensureEventPartitions(prisma, { from: new Date(), days: 1 });
  const sidecar = await createTestSidecarToken(org);
  const { POST: ingest } = await import("../v1/ingest/events/route");
  const secret = "sk-proj-" + "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z".repeat(2);
  const event = (data: Record<string, unknown>) => ({
    id: `evt-${newId("request")}`,
    type: "egress.http",
    ts: new Date().toISOString(),
    data: { method: "POST", scheme: "https", host: "api.openai.com", port: 443, bytesOut: 100, bytesIn: 2000, durationMs: 12.5, tls: true, destinationClass: "llm_provider", hits: [], ...data },
  });
  const batch = [event({ requestBodyExcerpt: JSON.stringify({ key: secret }) }), event({}), { id: "bad", type: "mystery.type", ts: new Date().toISOString(), data: {} }];
  const ingested = await ingest(apiRequest("POST", "/api/v1/ingest/events", { token: sidecar.token, body: { events: batch } }));
  expect(ingested.status).toBe(207);

  const run = await createTestRun(org, {
    attacks: [
      { scenarioKey: "secret_leakage.environment-dump", outcome: "fail" },
      { scenarioKey: "prompt_injection.forged-system-message", outcome: "pass" },
    ],
  });
  await prisma.run.create({ data: { id: newId("run"), orgId: org.orgId, projectId: sidecar.projectId, selection: {}, createdAt: new Date(Date.now() - 60_000) } });
  const key = await createTestApiKey(org, "admin");

  // A quota denial (the org may hold one project and has more) and a rate limit rejection.
  await prisma.quotaPolicy.create({ data: { id: newId("quota"), orgId: org.orgId, projectsPerOrg: 1 } });
  const { POST: createProject } = await import("../v1/projects/route");
  const refused = await createProject(apiRequest("POST", "/api/v1/projects", { token: key.token, body: { name: "one too many", environment: "sandbox" } }));
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("quota_exceeded");
  const { setPolicyOverride, clearPolicyOverrides } = await import("@/server/rate-limit/policies");
  const { POST: heartbeat } = await import("../v1/ingest/heartbeat/route");
  const beating = await createTestSidecarToken(org);
  setPolicyOverride("ingest", { rules: { principal: { limit: 1, windowMs: DAY_WINDOW_MS } }, onBackendFailure: "memory" });
  try {
    const statuses = [];
    for (let i = 0; i < 2; i++) statuses.push((await heartbeat(apiRequest("POST", "/api/v1/ingest/heartbeat", { token: beating.token, body: {} }))).status);
    expect(statuses).toEqual([200, 429]);
  } finally {
    clearPolicyOverrides();
  }

  const { GET: verify } = await import("../v1/runs/[id]/verify/route");
  const verified = await verify(apiRequest("GET", `/api/v1/runs/${run.runId}/verify`, { token: key.token }), routeParams({ id: run.runId }));
  expect(verified.status).toBe(200);
  return { org, key };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("GET /api/metrics", () => {
  it("answers 503 in the error envelope while METRICS_TOKEN is unset", async () => {
    const GET = await loadRoute({});
    const res = await scrape(GET, { authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: { code: string; message: string; requestId: string } };
    expect(body.error.code).toBe("service_unavailable");
    expect(body.error.message).toMatch(/METRICS_TOKEN/);
    expect(body.error.requestId).toBe(res.headers.get("x-request-id"));
  });

  it("answers 401 without the token, with a wrong one, in another scheme, or with an org API key", async () => {
    const org = await createTestOrg("Metrics auth");
    const { token: apiKey } = await createTestApiKey(org, "owner");
    const GET = await loadRoute({ METRICS_TOKEN: TOKEN });
    for (const headers of <Record<string, string>[]>[
      {},
      { authorization: "Bearer wrong-token-wrong-token" },
      { authorization: `Bearer ${TOKEN}x` },
      { authorization: `Basic ${TOKEN}` },
      { "x-metrics-token": TOKEN },
      { authorization: `Bearer ${apiKey}` },
    ]) {
      const res = await scrape(GET, headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    }
  });

  it("serves Prometheus text 0.0.4 with samples of every family after real activity", async () => {
    await generateActivity();
    const GET = await loadRoute({ METRICS_TOKEN: TOKEN });
    const res = await scrape(GET, { authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(PROMETHEUS_TEXT);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const text = await res.text();

    expect(sampleValue(text, "bulwark_http_requests_total", '{route="/api/health",method="GET",status="200"}')).toBeGreaterThanOrEqual(1);
    expect(sampleValue(text, "bulwark_http_request_duration_seconds_count", '{route="/api/v1/ingest/events",method="POST",status="207"}')).toBeGreaterThanOrEqual(1);
    expect(sampleValue(text, "bulwark_ingest_events_total", '{outcome="stored"}')).toBeGreaterThanOrEqual(2);
    expect(sampleValue(text, "bulwark_ingest_rejections_total", '{code="validation_failed"}')).toBeGreaterThanOrEqual(1);
    expect(sampleValue(text, "bulwark_ingest_stored_bytes_total", "")).toBeGreaterThan(0);
    expect(sampleValue(text, "bulwark_redactions_total", '{kind="API_KEY"}')).toBeGreaterThanOrEqual(1);
    expect(sampleValue(text, "bulwark_evidence_chain_verifications_total", '{result="intact"}')).toBeGreaterThanOrEqual(1);
    expect(sampleValue(text, "bulwark_quota_denials_total", '{quota="projects_per_org"}')).toBeGreaterThanOrEqual(1);
    expect(sampleValue(text, "bulwark_rate_limit_rejections_total", '{policy="ingest",reason="limited"}')).toBeGreaterThanOrEqual(1);

    expect(sampleValue(text, "bulwark_platform_snapshot_success", "")).toBe(1);
    expect(sampleValue(text, "bulwark_runs", '{status="completed"}')).toBeGreaterThanOrEqual(1);
    expect(sampleValue(text, "bulwark_runs", '{status="queued"}')).toBeGreaterThanOrEqual(1);
    expect(sampleValue(text, "bulwark_oldest_queued_run_age_seconds", "")).toBeGreaterThanOrEqual(50);
    expect(sampleValue(text, "bulwark_recent_turns", '{category="secret_leakage",verdict="fail"}')).toBeGreaterThanOrEqual(1);
    expect(sampleValue(text, "bulwark_recent_turns", '{category="prompt_injection",verdict="pass"}')).toBeGreaterThanOrEqual(1);
    expect(samples(text, "bulwark_open_findings").reduce((sum, s) => sum + s.value, 0)).toBeGreaterThanOrEqual(1);
    expect(samples(text, "bulwark_queue_depth").map((s) => s.labels)).toContain('{queue="runs.execute"}');
    expect(samples(text, "bulwark_busy_workers")).toHaveLength(1);
    expect(samples(text, "process_cpu_user_seconds_total")).toHaveLength(1);
    expect(text).not.toMatch(/(org|prj|run)_[0-9a-z]{10,}/);
  });

  it("keeps one registry across module reloads (Next dev HMR), so counters are not split or re-registered", async () => {
    vi.resetModules();
    const first = (await import("@/server/metrics/registry")).getMetrics();
    vi.resetModules();
    const second = (await import("@/server/metrics/registry")).getMetrics();
    expect(second).toBe(first);
  });
});

describe("promtool", () => {
  const promtool = findPromtool();
  const itPromtool = itWithPromtool(promtool);

  itPromtool("accepts the alert and recording rules in deploy/monitoring/alerts.yml", () => {
    const rules = path.join(import.meta.dirname, "../../../../../../deploy/monitoring/alerts.yml");
    const result = runPromtool(requirePromtool(promtool), ["check", "rules", rules]);
    expect(result.output).toMatch(/SUCCESS: \d+ rules found/);
    expect(result.status, result.output).toBe(0);
  });

  itPromtool("accepts the real /api/metrics output (promtool check metrics)", async () => {
    const tool = requirePromtool(promtool);
    await generateActivity();
    const GET = await loadRoute({ METRICS_TOKEN: TOKEN });
    const res = await scrape(GET, { authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain("bulwark_ingest_events_total{");
    const result = runPromtool(tool, ["check", "metrics"], text);
    expect({ status: result.status, output: result.output }).toEqual({ status: 0, output: "" });
  });
});
