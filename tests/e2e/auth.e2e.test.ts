import { expect } from "vitest";
import { createOrganization, PASSWORD, screenshot, signUpAndSignIn, test, uniqueEmail, uniqueSuffix } from "./harness";

// Sign-in, sign-out and the guard on dashboard pages, as a browser meets them.

const GENERIC_FAILURE = "Those details did not work, or there were too many attempts. Try again in a few minutes.";

test("a failed sign-in shows one generic message, whether or not the account exists, and stays on /sign-in", async ({ newPage }) => {
  const setup = await newPage();
  const email = uniqueEmail("wrong-password");
  await signUpAndSignIn(setup, { email, password: PASSWORD });

  const page = await newPage();
  const messages: string[] = [];
  for (const attempt of [
    { email, password: `${PASSWORD} but wrong` },
    { email: uniqueEmail("nobody"), password: PASSWORD },
  ]) {
    await page.goto("/sign-in");
    await page.getByLabel("Email", { exact: true }).fill(attempt.email);
    await page.getByLabel("Password", { exact: true }).fill(attempt.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    // Inside <main>: Next's route announcer is an (empty) alert of its own.
    const alert = page.getByRole("main").getByRole("alert");
    await alert.waitFor();
    messages.push((await alert.textContent()) ?? "");
    expect(new URL(page.url()).pathname).toBe("/sign-in");
  }
  await screenshot(page, "auth failed sign-in");
  // Same words for a wrong password and an unknown address: the page reveals nothing.
  expect(messages).toEqual([`Sign-in failed${GENERIC_FAILURE}`, `Sign-in failed${GENERIC_FAILURE}`]);
  // Still signed out: the dashboard sends the visitor back.
  await page.goto("/projects");
  expect(new URL(page.url()).pathname).toBe("/sign-in");
});

test("signing out returns to /sign-in, and dashboard pages then redirect there", async ({ newPage }) => {
  const page = await newPage();
  await signUpAndSignIn(page, { email: uniqueEmail("sign-out"), password: PASSWORD });
  await createOrganization(page, `Sign-out test ${uniqueSuffix()}`);
  await page.goto("/projects");
  await page.getByRole("heading", { level: 1, name: "Projects" }).waitFor();

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/sign-in");
  await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
  await screenshot(page, "auth signed out");
  // The session cookie is gone, not just hidden: every protected page and the API refuse.
  expect((await page.context().cookies()).filter((c) => c.name.includes("session-token"))).toEqual([]);
  for (const path of ["/", "/projects", "/onboarding"]) {
    const response = await page.goto(path);
    expect(new URL(page.url()).pathname, path).toBe("/sign-in");
    expect(response?.status(), path).toBe(200);
  }
  const api = await page.request.get("/api/v1/projects");
  expect(api.status()).toBe(401);
});

test("the sign-in form works with the keyboard alone (Tab, typing, Enter), with visible focus", async ({ newPage }) => {
  const credentials = { email: uniqueEmail("keyboard"), password: PASSWORD };
  await signUpAndSignIn(await newPage(), credentials);

  const page = await newPage();
  await page.goto("/sign-in");
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return { name: el?.getAttribute("name") ?? el?.tagName ?? null, focusVisible: el?.matches(":focus-visible") ?? false };
    });

  await page.keyboard.press("Tab");
  expect(await focused()).toEqual({ name: "email", focusVisible: true });
  await page.keyboard.type(credentials.email);
  await page.keyboard.press("Tab");
  expect(await focused()).toEqual({ name: "password", focusVisible: true });
  await page.keyboard.type(credentials.password);
  await screenshot(page, "auth keyboard sign-in");
  await page.keyboard.press("Enter");
  // A signed-in user without an organization is sent to create one.
  await page.waitForURL("**/onboarding");
  await page.getByRole("heading", { level: 1, name: "Create an organization" }).waitFor();
});
