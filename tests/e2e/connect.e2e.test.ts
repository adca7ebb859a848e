import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect } from "vitest";
import { children, startDemoAgent, startSidecar, stop } from "../support/processes";
import { createOrganization, e2eContext, fetchInPage, PASSWORD, screenshot, acceptInvitation, signUpAndSignIn, test, uniqueEmail, uniqueSuffix } from "./harness";

// A new operator's whole path to a first finding, through the real pages: sign up, create an
// organization and a project, connect the agent with the wizard — a sidecar token, the REAL
// sidecar process started with the token copied from the page, its first heartbeat shown live,
// the connector and a test call to the REAL vulnerable demo agent behind the sidecar — then a
// small run followed live, a finding's proof and the downloaded report. Then what a viewer may
// not do: no controls on the page, and 403 from the API.

afterAll(async () => {
  await Promise.all(children.map(stop));
});

type Json = Record<string, any>;

test("an operator connects an agent with the wizard and runs it; a viewer gets neither controls nor access", { timeout: 420_000 }, async ({ newPage }) => {
  const { baseUrl } = e2eContext();
  const suffix = uniqueSuffix();
  const credentials = { email: uniqueEmail("connector"), password: PASSWORD };
  const projectName = `Connected agent ${suffix}`;

  const page = await newPage();
  await signUpAndSignIn(page, credentials);
  await createOrganization(page, `Connect test ${suffix}`);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Projects" }).click();
  await page.getByLabel("Project name").fill(projectName);
  await page.getByRole("button", { name: "Create project" }).click();
  await page.getByRole("link", { name: projectName }).click();
  await page.getByRole("heading", { level: 1, name: projectName }).waitFor();
  const projectId = new URL(page.url()).pathname.split("/").pop()!;

  // No heartbeat yet: the project page leads to the wizard.
  await page.getByText("Connect this project's agent").waitFor();
  await page.getByRole("link", { name: "Open the connect wizard" }).click();
  await page.waitForURL(`**/projects/${projectId}/connect`);
  const step = (title: string) => page.getByRole("list", { name: "Steps to connect the agent" }).getByRole("listitem", { name: new RegExp(title) });
  await step("Watch for the first heartbeat").getByText("waiting", { exact: true }).waitFor();
  await screenshot(page, "connect 01 wizard");

  // 1. The token, shown once; 2. the snippets carry it and this server's address.
  await page.getByLabel("Token name").fill("e2e sidecar");
  await page.getByRole("button", { name: "Create sidecar token" }).click();
  const token = await page.getByLabel("Sidecar token", { exact: true }).inputValue();
  expect(token).toMatch(/^bws_/);
  const compose = await page.getByRole("figure", { name: "Docker Compose" }).locator("pre").textContent();
  expect(compose).toContain(`BULWARK_SIDECAR_TOKEN: ${token}`);
  expect(compose).toContain(`BULWARK_URL: ${baseUrl}`);
  expect(compose).toContain("HTTP_PROXY: http://bulwark-sidecar:8080");
  const cli = await page.getByRole("figure", { name: "Command line" }).locator("pre").textContent();
  expect(cli).toContain(`BULWARK_SIDECAR_TOKEN=${token}`);
  expect(cli).toContain("npm run sidecar");
  await screenshot(page, "connect 02 token and snippets");

  // 3. The real sidecar with the copied token: the page turns "connected" without a reload.
  const sidecar = await startSidecar({ platformUrl: baseUrl, token, bufferDir: mkdtempSync(path.join(tmpdir(), "bulwark-e2e-sidecar-")) });
  const heartbeat = step("Watch for the first heartbeat");
  await heartbeat.getByText("Sidecar connected").waitFor({ timeout: 30_000 });
  await heartbeat.getByText("connected", { exact: true }).waitFor();
  await screenshot(page, "connect 03 heartbeat received");

  // 4. The vulnerable demo agent behind the sidecar; the connector, then a test call.
  const agent = await startDemoAgent({ mode: "vulnerable", proxyPort: sidecar.port });
  await page.getByLabel("Agent URL").fill(`${agent.url}/chat`);
  await page.getByLabel("Reply path").fill("$.reply");
  await page.getByRole("checkbox", { name: "Allow local targets" }).check();
  await page.getByRole("button", { name: "Configure connector" }).click();
  await page.getByRole("button", { name: "Send a test message" }).click();
  await page.getByText(/^The agent answered in \d+ ms$/).waitFor({ timeout: 30_000 });
  await screenshot(page, "connect 04 test call");

  // 5. The first run: two categories (leaks in replies, and exfiltration the sidecar sees), low intensity, followed live.
  await page.getByRole("link", { name: "Open the project to start a run" }).click();
  await page.getByRole("heading", { level: 1, name: projectName }).waitFor();
  // The sidecar has reported, so the project no longer asks to be connected.
  expect(await page.getByText("Connect this project's agent").count()).toBe(0);
  await page.getByRole("checkbox", { name: "Secret leakage" }).check();
  await page.getByRole("checkbox", { name: "Data exfiltration" }).check();
  await page.getByRole("radio", { name: "Low" }).check();
  await page.getByRole("button", { name: "Start run" }).click();
  await page.waitForURL((url) => /^\/runs\/run_[0-9a-z]{26}$/.test(url.pathname));
  const runId = new URL(page.url()).pathname.split("/").pop()!;
  await page.getByRole("progressbar", { name: "Run progress" }).waitFor();
  await screenshot(page, "connect 05 live run");
  await page.getByRole("heading", { name: "Result" }).waitFor({ timeout: 240_000 });
  const run = (await fetchInPage(page, `/api/v1/runs/${runId}`)).body as Json;
  expect(run.status).toBe("completed");
  expect(run.progress.failed).toBeGreaterThan(0);
  // The sidecar captured the agent's egress for this project.
  const capturedEvents = async () => {
    const answer = await fetchInPage(page, `/api/v1/projects/${projectId}/events?limit=100`);
    expect(answer.status).toBe(200);
    return ((answer.body as Json).data as Json[]).length;
  };
  await expect.poll(capturedEvents, { timeout: 30_000 }).toBeGreaterThan(0);

  const proofButtons = page.getByRole("button", { name: /^View proof for / });
  expect(await proofButtons.count()).toBeGreaterThan(0);
  await proofButtons.first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("list", { name: "Evidence chain" }).getByRole("listitem").first().waitFor();
  await dialog.getByText(run.evidenceHeadHash).waitFor();
  await screenshot(page, "connect 06 proof");
  await dialog.getByRole("button", { name: "Close" }).click();
  await dialog.waitFor({ state: "hidden" });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Markdown report" }).click()]);
  expect(download.suggestedFilename()).toBe(`bulwark-run-${runId}.md`);
  const report = readFileSync((await download.path())!, "utf8");
  expect(report).toContain(runId);
  expect(report).toContain(projectName);
  expect(report).toContain(run.evidenceHeadHash);

  // The token list shows the live sidecar.
  await page.goto(`/projects/${projectId}/sidecar-tokens`);
  const tokenRow = page.getByRole("table", { name: "Sidecar tokens of this project" }).getByRole("row").filter({ hasText: "e2e sidecar" });
  await tokenRow.getByText("connected", { exact: true }).waitFor();
  expect(await tokenRow.textContent()).toContain(token.slice(0, 12));
  await screenshot(page, "connect 07 sidecar tokens");

  // Settings: a plain change saves; moving to production waits for its checklist.
  await page.goto(`/projects/${projectId}/settings`);
  await page.getByLabel("Retention (days)").fill("45");
  await page.getByLabel("Tool domains").fill("api.tools.example.com");
  await page.getByRole("button", { name: "Save settings" }).click();
  await page.getByText("Project settings saved.").waitFor();
  await page.getByRole("radio", { name: "Production" }).check();
  const save = page.getByRole("button", { name: "Save settings" });
  expect(await save.isDisabled()).toBe(true);
  const checklist = page.getByRole("group", { name: "Confirm the production change" }).getByRole("checkbox");
  for (const box of await checklist.all()) await box.check();
  // Still a reason to give: the API records it with the override.
  expect(await save.isDisabled()).toBe(true);
  await page.getByLabel("Reason for the change").fill("Release candidate signed off for production testing");
  expect(await save.isDisabled()).toBe(false);
  await screenshot(page, "connect 08 settings prod checklist");
  await save.click();
  await page.getByText("Project settings saved.").last().waitFor();
  await expect.poll(async () => ((await fetchInPage(page, `/api/v1/projects/${projectId}`)).body as Json).environment).toBe("prod");
  expect(((await fetchInPage(page, `/api/v1/projects/${projectId}`)).body as Json)).toMatchObject({ retentionDays: 45, toolDomains: ["api.tools.example.com"] });

  // A viewer of the same organization.
  const viewerCredentials = { email: uniqueEmail("viewer"), password: PASSWORD };
  const invitation = await fetchInPage(page, "/api/v1/invitations", { method: "POST", body: { email: viewerCredentials.email, role: "viewer" } });
  expect(invitation.status).toBe(201);
  const viewer = await newPage();
  await acceptInvitation(viewer, (invitation.body as { token: string }).token, viewerCredentials);

  await viewer.goto(`/projects/${projectId}/sidecar-tokens`);
  await viewer.getByRole("table", { name: "Sidecar tokens of this project" }).getByText("e2e sidecar").waitFor();
  expect(await viewer.getByRole("button", { name: "Create sidecar token" }).count()).toBe(0);
  expect(await viewer.getByRole("button", { name: /^Revoke/ }).count()).toBe(0);
  await screenshot(viewer, "connect 09 viewer sidecar tokens");
  await viewer.goto(`/projects/${projectId}/settings`);
  await viewer.getByRole("heading", { level: 1, name: "Project settings" }).waitFor();
  expect(await viewer.getByRole("button", { name: "Save settings" }).count()).toBe(0);
  expect(await viewer.getByRole("button", { name: "Send a test message" }).count()).toBe(0);
  expect(await viewer.getByLabel("Agent URL").count()).toBe(0);
  await viewer.goto(`/projects/${projectId}/connect`);
  await viewer.getByText("Only members can connect an agent").waitFor();
  expect(await viewer.getByRole("button", { name: "Create sidecar token" }).count()).toBe(0);

  // And the API refuses the viewer what the pages do not offer.
  const tokenId = (((await fetchInPage(viewer, `/api/v1/projects/${projectId}/sidecar-tokens`)).body as Json).data as Json[])[0]!.id as string;
  const refused = [
    await fetchInPage(viewer, `/api/v1/projects/${projectId}/sidecar-tokens`, { method: "POST", body: { name: "viewer token" } }),
    await fetchInPage(viewer, `/api/v1/projects/${projectId}/sidecar-tokens/${tokenId}`, { method: "DELETE" }),
    await fetchInPage(viewer, `/api/v1/projects/${projectId}`, { method: "PATCH", body: { retentionDays: 1 } }),
    await fetchInPage(viewer, `/api/v1/projects/${projectId}/connector/test`, { method: "POST", body: {} }),
  ];
  expect(refused.map((answer) => answer.status)).toEqual([403, 403, 403, 403]);

  // The owner revokes the token: the sidecar is refused from then on.
  await page.goto(`/projects/${projectId}/sidecar-tokens`);
  await page.getByRole("button", { name: "Revoke e2e sidecar" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
  await page.getByRole("table", { name: "Sidecar tokens of this project" }).getByRole("row").filter({ hasText: "e2e sidecar" }).getByText("revoked", { exact: true }).waitFor();
  const afterRevoke = await fetch(`${baseUrl}/api/v1/ingest/heartbeat`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: "{}" });
  expect(afterRevoke.status).toBe(401);
});
