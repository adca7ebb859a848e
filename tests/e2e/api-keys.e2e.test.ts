import { expect } from "vitest";
import { apiWithKey, createOrganization, PASSWORD, screenshot, signUpAndSignIn, test, uniqueEmail, uniqueSuffix } from "./harness";

// API keys in the dashboard: the secret is shown exactly once and works; revoking it stops it
// at once; both actions are in the audit log.

test("an owner creates an API key, sees its secret once, revokes it, and finds both in the audit log", async ({ newPage }) => {
  const page = await newPage();
  const keyName = `CI pipeline ${uniqueSuffix()}`;
  const email = uniqueEmail("keys");
  await signUpAndSignIn(page, { email, password: PASSWORD });
  await createOrganization(page, `Key test ${uniqueSuffix()}`);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API keys" }).click();
  await page.waitForURL("**/settings/api-keys");
  await page.getByText("No API keys yet").waitFor();
  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create an API key" });
  await dialog.getByLabel("Name", { exact: true }).fill(keyName);
  await dialog.getByLabel("projects:read", { exact: true }).check();
  await screenshot(page, "api-keys 01 create dialog");
  await dialog.getByRole("button", { name: "Create key" }).click();

  const shown = page.getByRole("dialog", { name: `Key “${keyName}” created` });
  const secretField = shown.getByLabel("API key", { exact: true });
  await secretField.waitFor();
  const secret = await secretField.inputValue();
  expect(secret).toMatch(/^bwk_/);
  await screenshot(page, "api-keys 02 secret shown once");
  // The secret is real, with exactly the chosen scope.
  expect((await apiWithKey(secret, "/api/v1/projects")).status).toBe(200);
  expect((await apiWithKey(secret, "/api/v1/projects", { method: "POST", body: { name: "nope", environment: "sandbox" } })).status).toBe(403);

  await shown.getByRole("button", { name: "Done" }).click();
  await shown.waitFor({ state: "hidden" });
  const row = page.getByRole("row").filter({ hasText: keyName });
  await row.getByText("active", { exact: true }).waitFor();
  // Once means once: neither this page nor a fresh load of it holds the secret any more.
  expect(await page.content()).not.toContain(secret);
  await page.reload();
  await page.getByRole("row").filter({ hasText: keyName }).waitFor();
  expect(await page.content()).not.toContain(secret);
  expect(await page.getByRole("row").filter({ hasText: keyName }).textContent()).toContain(secret.slice(0, 8));

  await page.getByRole("button", { name: `Revoke ${keyName}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  await page.getByRole("row").filter({ hasText: keyName }).getByText("revoked", { exact: true }).waitFor();
  await screenshot(page, "api-keys 03 revoked");
  // Revoked means refused on the very next request.
  expect((await apiWithKey(secret, "/api/v1/projects")).status).toBe(401);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await page.waitForURL("**/audit");
  const entries = page.getByRole("table").getByRole("row");
  await entries.filter({ hasText: "api_key.revoke" }).waitFor();
  const targets: string[] = [];
  for (const action of ["api_key.create", "api_key.revoke"]) {
    const entry = entries.filter({ hasText: action });
    expect(await entry.count(), action).toBe(1);
    expect(await entry.textContent(), action).toContain(email);
    targets.push((await entry.getByRole("link", { name: /^key_/ }).textContent()) ?? "");
  }
  // Both entries are about the same key.
  expect(targets[0]).toMatch(/^key_/);
  expect(targets[1]).toBe(targets[0]);
  expect(await page.content()).not.toContain(secret);
  await screenshot(page, "api-keys 04 audit log");
});
