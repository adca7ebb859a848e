import { expect } from "vitest";
import { createOrganization, PASSWORD, screenshot, signUpAndSignIn, test, uniqueEmail, uniqueSuffix } from "./harness";

// The organization switcher changes which tenant every page shows.

test("switching organizations with the switcher changes the overview and the projects shown", async ({ newPage }) => {
  const page = await newPage();
  const first = `First org ${uniqueSuffix()}`;
  const second = `Second org ${uniqueSuffix()}`;
  const project = `Only in second ${uniqueSuffix()}`;
  await signUpAndSignIn(page, { email: uniqueEmail("switcher"), password: PASSWORD });
  await createOrganization(page, first);

  // A second organization from the dashboard's "New organization" link; it becomes active.
  await page.getByRole("link", { name: "New organization" }).click();
  await page.waitForURL("**/onboarding");
  await createOrganization(page, second);
  const switcher = page.getByLabel("Active organization");
  expect(await switcher.locator("option").allTextContents()).toEqual(expect.arrayContaining([first, second]));
  expect(await switcher.locator("option:checked").textContent()).toBe(second);

  await page.goto("/projects");
  await page.getByLabel("Project name").fill(project);
  await page.getByRole("button", { name: "Create project" }).click();
  await page.getByRole("row").filter({ hasText: project }).waitFor();

  await page.goto("/");
  await page.getByLabel("Active organization").selectOption({ label: first });
  await page.getByRole("heading", { level: 1, name: first, exact: true }).waitFor();
  expect(await page.getByLabel("Active organization").locator("option:checked").textContent()).toBe(first);
  await screenshot(page, "organizations switched");

  // The choice lives in the session, and the other tenant's project is not shown here.
  await page.goto("/projects");
  await page.getByText("No projects yet").waitFor();
  expect(await page.getByRole("row").filter({ hasText: project }).count()).toBe(0);
  await page.reload();
  expect(await page.getByLabel("Active organization").locator("option:checked").textContent()).toBe(first);

  await page.getByLabel("Active organization").selectOption({ label: second });
  await page.getByRole("heading", { level: 1, name: second, exact: true }).waitFor();
});
