import { afterAll, expect } from "vitest";
import { children, startDemoAgent, stop } from "../support/processes";
import { apiWithKey, bootstrapOwner, fetchInPage, PASSWORD, screenshot, acceptInvitation, signIn, test, uniqueEmail, uniqueSuffix } from "./harness";

// The dashboard's insight pages on real data: two runs of one project made by the worker (inline
// in the app server) against the demo agent, first hardened then vulnerable, so the second run
// has new critical findings and a higher score than the first. Then the overview, the findings
// page with a triage (persisted and audited), a viewer who is refused triage, usage and quotas,
// and the run page's comparison with the previous run.

type Finding = { id: string; title: string; severity: string; status: string; triageNote: string | null; runId: string };
type Comparison = { riskScore: { run: number; base: number; delta: number }; findings: { new: { title: string }[]; fixed: unknown[] } };

afterAll(async () => {
  await Promise.all(children.map(stop));
});

async function runToCompletion(apiKey: string, projectId: string): Promise<string> {
  const created = await apiWithKey(apiKey, `/api/v1/projects/${projectId}/runs`, { method: "POST", body: { categories: ["secret_leakage"], intensity: "low" } });
  expect(created.status).toBe(202);
  const runId = (created.body as { id: string }).id;
  await expect
    .poll(async () => ((await apiWithKey(apiKey, `/api/v1/runs/${runId}`)).body as { status: string }).status, { timeout: 180_000, interval: 1_000 })
    .toBe("completed");
  return runId;
}

test("overview, findings triage, viewer refusal, usage and run comparison on real runs", { timeout: 480_000 }, async ({ newPage }) => {
  const suffix = uniqueSuffix();
  const orgName = `Insights test ${suffix}`;
  const ownerCredentials = { email: uniqueEmail("owner"), password: PASSWORD };
  const viewerCredentials = { email: uniqueEmail("viewer"), password: PASSWORD };
  const owner = await bootstrapOwner({ org: orgName, ...ownerCredentials });
  const [hardened, vulnerable] = await Promise.all([startDemoAgent({ mode: "hardened" }), startDemoAgent({ mode: "vulnerable" })]);

  const projectName = `Support bot ${suffix}`;
  const idleName = `Idle bot ${suffix}`;
  const project = await apiWithKey(owner.apiKey, "/api/v1/projects", { method: "POST", body: { name: projectName, environment: "sandbox" } });
  expect(project.status).toBe(201);
  const projectId = (project.body as { id: string }).id;
  expect((await apiWithKey(owner.apiKey, "/api/v1/projects", { method: "POST", body: { name: idleName, environment: "sandbox" } })).status).toBe(201);
  const connect = (url: string) =>
    apiWithKey(owner.apiKey, `/api/v1/projects/${projectId}/connector`, { method: "PUT", body: { url: `${url}/chat`, response: { replyPath: "$.reply" }, allowLocalTargets: true } });
  expect((await connect(hardened.url)).status).toBe(200);
  const baseRunId = await runToCompletion(owner.apiKey, projectId);
  expect((await connect(vulnerable.url)).status).toBe(200);
  const runId = await runToCompletion(owner.apiKey, projectId);

  const findings = ((await apiWithKey(owner.apiKey, `/api/v1/runs/${runId}/findings`)).body as { data: Finding[] }).data;
  const critical = findings.filter((finding) => finding.severity === "critical" && finding.status === "open");
  expect(critical.length).toBeGreaterThan(0);
  const projectFindings = ((await apiWithKey(owner.apiKey, `/api/v1/findings?projectId=${projectId}&limit=100`)).body as { data: Finding[] }).data;

  // Overview: the trend has both runs, the severity counts match the latest run, and both
  // projects need attention for their own reasons.
  const page = await newPage();
  await signIn(page, ownerCredentials);
  await page.goto("/");
  const trend = page.getByRole("figure", { name: "Risk score trend" });
  await trend.locator(".recharts-line").waitFor();
  const trendRows = trend.getByRole("table").getByRole("row");
  expect(await trendRows.count()).toBe(3);
  expect(await trendRows.nth(1).textContent()).toContain(baseRunId);
  expect(await trendRows.nth(2).textContent()).toContain(runId);
  const severities = page.getByRole("list", { name: "Open findings by severity" });
  expect(await severities.getByRole("listitem").filter({ hasText: "critical" }).textContent()).toBe(`critical${critical.length}`);
  const attention = page.getByRole("list", { name: "Projects needing attention" });
  const busy = attention.getByRole("listitem").filter({ has: page.getByRole("link", { name: projectName, exact: true }) }).first();
  await busy.getByText(`${critical.length} open critical finding`).waitFor();
  await busy.getByText("no heartbeat", { exact: true }).waitFor();
  const idle = attention.getByRole("listitem").filter({ has: page.getByRole("link", { name: idleName, exact: true }) }).first();
  await idle.getByText("never tested", { exact: true }).waitFor();
  await idle.getByText("No completed run yet.").waitFor();
  expect(await page.getByRole("table", { name: "Recent runs" }).getByRole("link", { name: runId }).count()).toBe(1);
  await screenshot(page, "insights 01 overview");

  // Findings: the filter narrows to critical findings; one is triaged as a false positive.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Findings" }).click();
  await page.getByRole("heading", { level: 1, name: "Findings" }).waitFor();
  await page.getByLabel("Severity").selectOption("critical");
  await page.getByLabel("Project").selectOption({ label: projectName });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await page.waitForURL((url) => url.searchParams.get("severity") === "critical" && url.searchParams.get("projectId") === projectId);
  const rows = page.getByRole("table", { name: "Findings" }).getByRole("row");
  await expect.poll(() => rows.count()).toBe(1 + critical.length);
  await screenshot(page, "insights 02 findings filtered");

  const target = critical[0]!;
  await page.getByRole("button", { name: `Triage ${target.title}` }).first().click();
  const dialog = page.getByRole("dialog", { name: `Triage: ${target.title}` });
  await dialog.getByLabel("Status").selectOption("false_positive");
  const reason = `The key is a documented test fixture (${suffix}).`;
  await dialog.getByLabel("Reason").fill(reason);
  await screenshot(page, "insights 03 triage dialog");
  await dialog.getByRole("button", { name: "Save triage" }).click();
  await dialog.waitFor({ state: "hidden" });
  await rows.filter({ hasText: reason }).getByText("false positive").waitFor();
  const stored = (await apiWithKey(owner.apiKey, `/api/v1/findings/${target.id}`)).body as Finding;
  expect(stored).toMatchObject({ status: "false_positive", triageNote: reason });
  const audit = (await apiWithKey(owner.apiKey, `/api/v1/audit-logs?action=finding.triage&targetId=${target.id}`)).body as { data: { action: string; target: { id: string } }[] };
  expect(audit.data).toHaveLength(1);
  expect(audit.data[0]).toMatchObject({ action: "finding.triage", target: { id: target.id } });
  // The status filter finds it under its new status, after a reload.
  await page.goto(`/findings?status=false_positive&projectId=${projectId}`);
  await page.getByRole("table", { name: "Findings" }).getByRole("row").filter({ hasText: target.title }).waitFor();
  // A later page (a cursor above every id starts at the newest) links back to the first one,
  // filters kept: the server page builds those links itself.
  await page.goto(`/findings?projectId=${projectId}&cursor=fnd_${"z".repeat(26)}`);
  const pages = page.getByRole("navigation", { name: "Finding pages" });
  expect(await pages.getByRole("link", { name: "Newest findings" }).getAttribute("href")).toBe(`/findings?projectId=${projectId}`);

  // The run page: triage in the run's own table, and the comparison with the hardened run (as
  // triaged now, so read after the triage above).
  const comparison = (await apiWithKey(owner.apiKey, `/api/v1/runs/${runId}/compare`)).body as Comparison;
  expect(comparison.findings.new.length).toBeGreaterThan(0);
  expect(comparison.riskScore.delta).toBeGreaterThan(0);
  await page.goto(`/runs/${runId}`);
  const section = page.getByRole("region", { name: "Compared with the previous run" });
  await section.getByLabel(`Risk score change +${comparison.riskScore.delta.toFixed(1)}`).waitFor();
  expect(await section.getByRole("list", { name: "New since the previous run" }).getByRole("listitem").count()).toBe(comparison.findings.new.length);
  await section.getByRole("link", { name: baseRunId }).waitFor();
  await section.locator(".recharts-bar-rectangle").first().waitFor();
  expect(await page.getByRole("table", { name: "Findings of this run" }).getByRole("button", { name: /^Triage / }).count()).toBe(findings.length);
  await page.getByLabel("Triage status").selectOption("false_positive");
  await expect.poll(() => page.getByRole("table", { name: "Findings of this run" }).getByRole("row").count()).toBe(2);
  await screenshot(page, "insights 04 run comparison");

  // Usage: both runs counted today, in the charts and the gauges.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Usage" }).click();
  const perDay = page.getByRole("figure", { name: "Runs per day" });
  await perDay.locator(".recharts-bar-rectangle").first().waitFor();
  const today = new Date().toISOString().slice(0, 10);
  expect(await perDay.getByRole("table").getByRole("row").filter({ hasText: today }).getByRole("cell").textContent()).toBe("2");
  const perProject = page.getByRole("figure", { name: "Runs per project" }).getByRole("table").getByRole("row").filter({ hasText: projectName });
  expect(await perProject.getByRole("cell").textContent()).toBe("2");
  expect(await page.getByRole("meter", { name: "Runs today" }).getAttribute("aria-valuenow")).toBe("2");
  await screenshot(page, "insights 05 usage");

  // A viewer reads the same findings without triage controls, and the server refuses the call.
  const invitation = await apiWithKey(owner.apiKey, "/api/v1/invitations", { method: "POST", body: { email: viewerCredentials.email, role: "viewer" } });
  expect(invitation.status).toBe(201);
  const viewer = await newPage();
  await acceptInvitation(viewer, (invitation.body as { token: string }).token, viewerCredentials);
  await viewer.goto(`/findings?projectId=${projectId}`);
  await expect.poll(() => viewer.getByRole("table", { name: "Findings" }).getByRole("row").count()).toBe(1 + projectFindings.length);
  expect(await viewer.getByRole("button", { name: /^Triage / }).count()).toBe(0);
  expect(await viewer.getByRole("button", { name: /^View proof for / }).count()).toBe(projectFindings.length);
  await screenshot(viewer, "insights 06 viewer findings");
  await viewer.goto(`/runs/${runId}`);
  await viewer.getByRole("table", { name: "Findings of this run" }).waitFor();
  expect(await viewer.getByRole("button", { name: /^Triage / }).count()).toBe(0);
  const other = critical[1] ?? findings.find((finding) => finding.id !== target.id)!;
  const refused = await fetchInPage(viewer, `/api/v1/findings/${other.id}`, { method: "PATCH", body: { status: "accepted_risk", note: "viewer tries" } });
  expect(refused.status).toBe(403);
  expect(refused.body).toEqual({ error: { code: "forbidden", message: "This operation needs the findings:write scope.", requestId: expect.stringMatching(/^req_/) } });
  expect(((await apiWithKey(owner.apiKey, `/api/v1/findings/${other.id}`)).body as Finding).status).toBe("open");
});
