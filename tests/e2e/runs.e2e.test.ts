import { readFileSync } from "node:fs";
import { afterAll, expect } from "vitest";
import { children, startDemoAgent, stop } from "../support/processes";
import { startHangingAgent } from "./harness/agents";
import { apiWithKey, makePlatformAdmin, bootstrapOwner, PASSWORD, screenshot, acceptInvitation, signIn, test, uniqueEmail, uniqueSuffix } from "./harness";

// The operator's run flow through the real pages: a project's connector configured in the
// browser, a run started from the launcher against the deliberately vulnerable demo agent and
// followed live over its event stream (the app server runs the queue worker inline), then its
// result: scores, findings, a finding's evidence chain and a downloaded report.

const AGENT_SECRET = "Bearer e2e-agent-credential-7f3c";

afterAll(async () => {
  await Promise.all(children.map(stop));
});

test("an owner configures a connector, runs one category live and reads the proof of a finding", { timeout: 240_000 }, async ({ newPage }) => {
  const suffix = uniqueSuffix();
  const credentials = { email: uniqueEmail("runner"), password: PASSWORD };
  const projectName = `Demo agent ${suffix}`;
  const owner = await bootstrapOwner({ org: `Runs test ${suffix}`, ...credentials });
  const agent = await startDemoAgent({ mode: "vulnerable" });

  const page = await newPage();
  await signIn(page, credentials);
  await page.goto("/projects");
  await page.getByLabel("Project name").fill(projectName);
  await page.getByRole("button", { name: "Create project" }).click();
  await page.getByRole("link", { name: projectName }).click();
  await page.getByRole("heading", { level: 1, name: projectName }).waitFor();
  await page.getByText("No runs yet").waitFor();
  // Without a connector there is nothing to launch yet.
  await page.getByText("Configure the agent connector first").waitFor();
  expect(await page.getByRole("button", { name: "Start run" }).count()).toBe(0);

  // The connector, with a secret header that must never come back to the browser.
  await page.getByLabel("Agent URL").fill(`${agent.url}/chat`);
  await page.getByLabel("Reply path").fill("$.reply");
  await page.getByRole("button", { name: "Add header" }).click();
  await page.getByLabel("Header 1 name").fill("Authorization");
  await page.getByLabel("Header 1 value").fill(AGENT_SECRET);
  await page.getByRole("checkbox", { name: "Header 1 is secret" }).check();
  await page.getByRole("checkbox", { name: "Allow local targets" }).check();
  await page.getByRole("button", { name: "Configure connector" }).click();
  await page.getByText("••• stored").waitFor();
  await page.getByRole("button", { name: "Start run" }).waitFor();
  await page.reload();
  await page.getByText("••• stored").waitFor();
  expect(await page.content()).not.toContain(AGENT_SECRET);
  expect(await page.getByRole("checkbox", { name: "Allow local targets" }).isChecked()).toBe(true);
  await screenshot(page, "runs 01 project with connector");

  // One category, low intensity.
  await page.getByRole("checkbox", { name: "Secret leakage" }).check();
  await page.getByRole("radio", { name: "Low" }).check();
  await page.getByRole("button", { name: "Start run" }).click();
  await page.waitForURL((url) => /^\/runs\/run_[0-9a-z]{26}$/.test(url.pathname));
  const runId = new URL(page.url()).pathname.split("/").pop()!;
  await page.getByRole("progressbar", { name: "Run progress" }).waitFor();
  await screenshot(page, "runs 02 live run");

  // The stream ends with the run; the page then renders the result above the live feed.
  await page.getByRole("heading", { name: "Result" }).waitFor({ timeout: 180_000 });
  const run = (await apiWithKey(owner.apiKey, `/api/v1/runs/${runId}`)).body as { status: string; progress: { done: number; total: number }; evidenceHeadHash: string };
  expect(run.status).toBe("completed");
  expect(run.progress.total).toBeGreaterThan(0);
  const progress = page.getByRole("progressbar", { name: "Run progress" });
  expect(await progress.getAttribute("aria-valuenow")).toBe(String(run.progress.total));
  expect(await progress.getAttribute("aria-valuemax")).toBe(String(run.progress.total));
  expect(await page.getByRole("table", { name: "Turns of this run" }).getByRole("row").count()).toBeGreaterThan(1);
  expect(await page.getByRole("table", { name: "Pass rate per category" }).getByRole("row", { name: /Secret leakage/ }).count()).toBe(1);
  await screenshot(page, "runs 03 run result");

  // The vulnerable agent leaks: a finding, with its evidence chain in order, ending in the finding's own link.
  const proofButtons = page.getByRole("button", { name: /^View proof for / });
  expect(await proofButtons.count()).toBeGreaterThan(0);
  await proofButtons.first().click();
  const dialog = page.getByRole("dialog");
  const links = dialog.getByRole("list", { name: "Evidence chain" }).getByRole("listitem");
  await links.first().waitFor();
  const texts = await links.allTextContents();
  const seqs = texts.map((text) => Number(/^#(\d+)/.exec(text)?.[1]));
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  expect(texts.at(-1)).toMatch(/^#\d+ · finding/);
  for (const text of texts) expect(text).toMatch(/[0-9a-f]{64}/);
  await dialog.getByText(run.evidenceHeadHash).waitFor();
  await screenshot(page, "runs 04 proof drawer");
  await dialog.getByRole("button", { name: "Close" }).click();
  await dialog.waitFor({ state: "hidden" });

  // The severity filter leaves only the findings of the chosen severity.
  const findings = ((await apiWithKey(owner.apiKey, `/api/v1/runs/${runId}/findings`)).body as { data: { severity: string }[] }).data;
  const severity = findings[0]!.severity;
  await page.getByLabel("Severity").selectOption(severity);
  const findingRows = page.getByRole("table", { name: "Findings of this run" }).getByRole("row");
  await expect.poll(() => findingRows.count()).toBe(1 + findings.filter((finding) => finding.severity === severity).length);
  await page.getByLabel("Severity").selectOption("");
  await expect.poll(() => findingRows.count()).toBe(1 + findings.length);

  // The Markdown report, as the link downloads it and as the API answers it.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Markdown report" }).click()]);
  expect(download.suggestedFilename()).toBe(`bulwark-run-${runId}.md`);
  const markdown = readFileSync((await download.path())!, "utf8");
  expect(markdown).toContain(runId);
  expect(markdown).toContain(run.evidenceHeadHash);
  const answer = await page.evaluate(async (path) => {
    const response = await fetch(path);
    return { status: response.status, type: response.headers.get("content-type") };
  }, `/api/v1/runs/${runId}/report?format=md`);
  expect(answer).toEqual({ status: 200, type: expect.stringContaining("text/markdown") });

  // The project lists the run with its score.
  await page.getByRole("link", { name: projectName }).click();
  const row = page.getByRole("table", { name: "Runs of this project" }).getByRole("row").filter({ hasText: runId });
  await row.getByText("completed").waitFor();
});

test("a viewer watches a live run without launcher or cancel; a member cancels it, and only a platform administrator gets the kill switch", { timeout: 180_000 }, async ({ newPage }) => {
  const suffix = uniqueSuffix();
  const ownerCredentials = { email: uniqueEmail("owner"), password: PASSWORD };
  const viewerCredentials = { email: uniqueEmail("viewer"), password: PASSWORD };
  const owner = await bootstrapOwner({ org: `Runs viewer test ${suffix}`, ...ownerCredentials });
  const agent = await startHangingAgent();
  try {
    // A run that stays running: its agent takes every call and never answers.
    const project = await apiWithKey(owner.apiKey, "/api/v1/projects", { method: "POST", body: { name: `Slow agent ${suffix}`, environment: "sandbox" } });
    expect(project.status).toBe(201);
    const projectId = (project.body as { id: string }).id;
    const connector = await apiWithKey(owner.apiKey, `/api/v1/projects/${projectId}/connector`, { method: "PUT", body: { url: `${agent.url}/chat`, allowLocalTargets: true } });
    expect(connector.status).toBe(200);
    const created = await apiWithKey(owner.apiKey, `/api/v1/projects/${projectId}/runs`, { method: "POST", body: { categories: ["secret_leakage"], intensity: "low" } });
    expect(created.status).toBe(202);
    const runId = (created.body as { id: string }).id;

    const invitation = await apiWithKey(owner.apiKey, "/api/v1/invitations", { method: "POST", body: { email: viewerCredentials.email, role: "viewer" } });
    expect(invitation.status).toBe(201);
    const viewer = await newPage();
    await acceptInvitation(viewer, (invitation.body as { token: string }).token, viewerCredentials);

    await viewer.goto(`/projects/${projectId}`);
    await viewer.getByRole("heading", { level: 1, name: `Slow agent ${suffix}` }).waitFor();
    await viewer.getByRole("table", { name: "Runs of this project" }).getByRole("link", { name: runId }).waitFor();
    expect(await viewer.getByRole("button", { name: "Start run" }).count()).toBe(0);
    expect(await viewer.getByRole("form", { name: "Start a run" }).count()).toBe(0);
    expect(await viewer.getByLabel("Agent URL").count()).toBe(0);
    await screenshot(viewer, "runs 05 viewer project");

    await viewer.getByRole("link", { name: runId }).click();
    await viewer.getByText("Live", { exact: true }).waitFor();
    await viewer.getByText("running", { exact: true }).waitFor({ timeout: 30_000 });
    expect(await viewer.getByRole("button", { name: "Cancel run" }).count()).toBe(0);
    await screenshot(viewer, "runs 06 viewer live run");

    // A member (here the owner) has the button, and it stops the run.
    const ownerPage = await newPage();
    await signIn(ownerPage, ownerCredentials);
    await ownerPage.goto(`/runs/${runId}`);
    await ownerPage.getByRole("button", { name: "Cancel run" }).click();
    await ownerPage.getByRole("dialog").getByRole("button", { name: "Stop run" }).click();
    await ownerPage.getByRole("heading", { name: "Result" }).waitFor({ timeout: 30_000 });
    expect(await ownerPage.getByRole("button", { name: "Cancel run" }).count()).toBe(0);
    const run = (await apiWithKey(owner.apiKey, `/api/v1/runs/${runId}`)).body as { status: string; stopReason: string };
    expect(run).toMatchObject({ status: "canceled", stopReason: "user_cancel" });
    // The viewer's open page follows the same stream to the end.
    await viewer.getByRole("heading", { name: "Result" }).waitFor({ timeout: 30_000 });

    // Only a platform administrator gets the admin kill switch on the page; it stops the run too.
    const second = await apiWithKey(owner.apiKey, `/api/v1/projects/${projectId}/runs`, { method: "POST", body: { categories: ["secret_leakage"], intensity: "low" } });
    expect(second.status).toBe(202);
    const secondId = (second.body as { id: string }).id;
    await ownerPage.goto(`/runs/${secondId}`);
    await ownerPage.getByText("running", { exact: true }).waitFor({ timeout: 30_000 });
    expect(await ownerPage.getByRole("button", { name: "Kill run (admin)" }).count()).toBe(0);
    await makePlatformAdmin(ownerCredentials.email);
    await ownerPage.reload();
    await ownerPage.getByRole("button", { name: "Kill run (admin)" }).click();
    await ownerPage.getByRole("dialog").getByRole("button", { name: "Stop run" }).click();
    await ownerPage.getByRole("heading", { name: "Result" }).waitFor({ timeout: 30_000 });
    const killed = (await apiWithKey(owner.apiKey, `/api/v1/runs/${secondId}`)).body as { status: string; stopReason: string };
    expect(killed).toMatchObject({ status: "stopped", stopReason: "admin_kill" });
  } finally {
    await agent.close();
  }
});
