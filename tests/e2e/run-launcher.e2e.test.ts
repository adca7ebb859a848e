import type { Page } from "playwright-core";
import { expect } from "vitest";
import { apiWithKey, bootstrapOwner, fetchInPage, PASSWORD, screenshot, signIn, startLiveRun, test, uniqueEmail, uniqueSuffix } from "./harness";

// The run launcher: categories or single scenarios, an intensity and an optional budget, with
// the server's estimate (cost, turns, quota fit) following the form before anything starts.

interface Estimate {
  turns: number;
  costUsd: number;
  fits: boolean;
}

const figure = (page: Page, label: string) => page.getByRole("region", { name: "Estimate" }).locator("dt", { hasText: label }).locator("xpath=following-sibling::dd");

/** Waits until the panel shows this estimate of the API's for the same body. */
async function expectEstimate(page: Page, expected: Estimate) {
  await expect.poll(() => figure(page, "Turns").textContent(), { timeout: 10_000 }).toBe(expected.turns.toLocaleString("en-US"));
  await page.getByRole("region", { name: "Estimate" }).and(page.locator('[aria-busy="false"]')).waitFor();
  expect(await figure(page, "Estimated cost").textContent()).toMatch(/^\$\d/);
}

test("the launcher estimates each selection before starting, and refuses one over a quota", { timeout: 180_000 }, async ({ newPage }) => {
  const suffix = uniqueSuffix();
  const credentials = { email: uniqueEmail("launcher"), password: PASSWORD };
  const owner = await bootstrapOwner({ org: `Launcher test ${suffix}`, ...credentials });
  const project = await apiWithKey(owner.apiKey, "/api/v1/projects", { method: "POST", body: { name: `Launcher agent ${suffix}`, environment: "sandbox" } });
  const projectId = (project.body as { id: string }).id;
  expect((await apiWithKey(owner.apiKey, `/api/v1/projects/${projectId}/connector`, { method: "PUT", body: { url: "http://127.0.0.1:9/chat", allowLocalTargets: true } })).status).toBe(200);
  const estimate = async (body: unknown) => (await apiWithKey(owner.apiKey, `/api/v1/projects/${projectId}/runs/estimate`, { method: "POST", body })).body as Estimate;

  const page = await newPage();
  await signIn(page, credentials);
  await page.goto(`/projects/${projectId}`);
  const launcher = page.getByRole("form", { name: "Start a run" });
  await launcher.waitFor();

  // Nothing chosen is the whole catalog at medium intensity.
  await expectEstimate(page, await estimate({ intensity: "medium" }));
  await page.getByText("Fits every limit of your plan.").waitFor();

  // A category, then one more scenario picked on its own from another category.
  await launcher.getByRole("checkbox", { name: "Secret leakage", exact: true }).check();
  await expectEstimate(page, await estimate({ intensity: "medium", categories: ["secret_leakage"] }));
  const exfiltration = launcher.locator("div.rounded-md", { has: page.getByRole("checkbox", { name: "Data exfiltration", exact: true }) });
  await exfiltration.getByText("Pick single scenarios").click();
  const single = exfiltration.getByRole("checkbox").nth(1);
  await single.check();
  const singleKey = await single.getAttribute("value");
  await page.getByRole("radio", { name: "High" }).check();
  await expectEstimate(page, await estimate({ intensity: "high", categories: ["secret_leakage"], scenarioKeys: [singleKey] }));

  // The budget is checked while typed with the API's own schema; a valid cap changes the plan.
  await page.getByLabel("Max turns").fill("0");
  await launcher.getByText(/expected number to be >=1/).waitFor();
  expect(await page.getByRole("button", { name: "Start run" }).isDisabled()).toBe(true);
  await page.getByLabel("Max turns").fill("3");
  await page.getByLabel("Max cost (USD)").fill("0.5");
  expect(await launcher.getByText(/expected number to be >=1/).count()).toBe(0);
  await expectEstimate(page, await estimate({ intensity: "high", categories: ["secret_leakage"], scenarioKeys: [singleKey], budget: { maxTurns: 3, maxCostUsd: 0.5 } }));
  expect(await page.getByRole("button", { name: "Start run" }).isEnabled()).toBe(true);
  await screenshot(page, "launcher 01 estimate");

  // A run already going fills this plan's one concurrent slot: the estimate says why, and the
  // button is off. The server refuses the same body anyway.
  const blocker = await startLiveRun(owner.apiKey, `Blocking agent ${suffix}`);
  try {
    await page.getByRole("radio", { name: "Low" }).check();
    const alert = page.getByRole("alert").filter({ hasText: "This run cannot start now" });
    await alert.waitFor();
    await alert.getByText(/concurrent runs: 1 used \+ 1 for this run, limit 1/).waitFor();
    expect(await page.getByRole("button", { name: "Start run" }).isDisabled()).toBe(true);
    await screenshot(page, "launcher 02 over quota");
    const refused = await fetchInPage(page, `/api/v1/projects/${projectId}/runs`, { method: "POST", body: { intensity: "low", categories: ["secret_leakage"] } });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: { code: "quota_exceeded" } });
  } finally {
    await blocker.stop();
  }

  // Once the slot is free again, the next change of the selection lets the run start.
  await page.getByRole("radio", { name: "Medium" }).check();
  await page.getByText("Fits every limit of your plan.").waitFor({ timeout: 15_000 });
  await page.getByRole("button", { name: "Start run" }).click();
  await page.waitForURL((url) => /^\/runs\/run_[0-9a-z]{26}$/.test(url.pathname));
  const runId = new URL(page.url()).pathname.split("/").pop()!;
  const run = (await apiWithKey(owner.apiKey, `/api/v1/runs/${runId}`)).body as { intensity: string; selection: { categories?: string[]; scenarioKeys?: string[] } };
  expect(run).toMatchObject({ intensity: "medium", selection: { categories: ["secret_leakage"], scenarioKeys: [singleKey] } });
  await apiWithKey(owner.apiKey, `/api/v1/runs/${runId}/cancel`, { method: "POST" });
});
