import { expect } from "vitest";
import { PASSWORD, screenshot, signIn, signUp, test, uniqueEmail, uniqueSuffix } from "./harness";

// The first thing every operator does: sign up, sign in, create an organization, create a
// project — through the real pages of the built app, a screenshot at each step.

test("a new operator signs up, signs in, creates an organization and a project", async ({ newPage }) => {
  const page = await newPage();
  const credentials = { name: "Olivia Operator", email: uniqueEmail("olivia"), password: PASSWORD };
  const orgName = `Acme Security ${uniqueSuffix()}`;
  const projectName = `Support agent ${uniqueSuffix()}`;

  await page.goto("/sign-up");
  await screenshot(page, "onboarding 01 sign-up");
  await signUp(page, credentials);
  await screenshot(page, "onboarding 02 account ready");

  await page.getByRole("status").getByRole("link", { name: "Sign in" }).click();
  await page.waitForURL("**/sign-in");
  await signIn(page, credentials);
  // Signed in with no organization yet: the dashboard sends the user to create one.
  await page.waitForURL("**/onboarding");
  await screenshot(page, "onboarding 03 create organization");

  await page.getByLabel("Organization name").fill(orgName);
  await page.getByRole("button", { name: "Create organization" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  const header = page.getByRole("heading", { level: 1 });
  await header.filter({ hasText: orgName }).waitFor();
  expect(await header.textContent()).toBe(orgName);
  await page.getByText(/You are an? owner of this organization/).waitFor();
  expect(await page.getByLabel("Active organization").inputValue()).toMatch(/^org_/);
  await screenshot(page, "onboarding 04 overview");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Projects" }).click();
  await page.waitForURL("**/projects");
  await page.getByText("No projects yet").waitFor();
  await page.getByLabel("Project name").fill(projectName);
  await page.getByLabel("Environment").selectOption("staging");
  await page.getByRole("button", { name: "Create project" }).click();
  const row = page.getByRole("row").filter({ hasText: projectName });
  await row.waitFor();
  expect(await row.getByRole("cell").allTextContents()).toEqual([projectName, "staging", "never connected", expect.any(String)]);
  await screenshot(page, "onboarding 05 project created");

  // It is stored, not just drawn: a fresh load of the page lists it.
  await page.reload();
  await page.getByRole("row").filter({ hasText: projectName }).waitFor();
});
