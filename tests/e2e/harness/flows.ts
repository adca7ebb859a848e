import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";

export interface Credentials {
  email: string;
  password: string;
  name?: string;
}

/** Passes the password policy (12+ characters, not a common password). */
export const PASSWORD = "granite ferry compass 52";

/** An address no other test (or earlier run) uses, so test files never collide. */
export function uniqueEmail(label: string): string {
  return `${label}.${Date.now().toString(36)}${randomBytes(3).toString("hex")}@e2e.example.test`;
}

/** A short suffix that keeps organization and project names unique across tests. */
export function uniqueSuffix(): string {
  return randomBytes(3).toString("hex");
}

/** Creates an account through /sign-up and waits for the confirmation. */
export async function signUp(page: Page, { email, password, name }: Credentials, { path = "/sign-up" } = {}): Promise<void> {
  if (new URL(page.url(), "http://x").pathname !== new URL(path, "http://x").pathname) await page.goto(path);
  if (name) await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("status").filter({ hasText: "Your account is ready" }).waitFor();
}

/**
 * Signs in through the sign-in form on the current page (or /sign-in) and waits until the app
 * navigates away from it. A refused sign-in fails with the message the page showed.
 */
export async function signIn(page: Page, { email, password }: Credentials): Promise<void> {
  if (new URL(page.url(), "http://x").pathname !== "/sign-in") await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/sign-in").catch(async (error: Error) => {
    const alert = await page.getByRole("main").getByRole("alert").textContent({ timeout: 1_000 }).catch(() => null);
    throw new Error(`Sign-in as ${email} did not leave /sign-in${alert ? `: the page says "${alert}"` : ""} (${error.message})`);
  });
}

/**
 * A new account, signed in, through the real pages: /sign-up, the "Sign in" link of its
 * confirmation, then the sign-in form. A user without an organization lands on /onboarding.
 */
export async function signUpAndSignIn(page: Page, credentials: Credentials): Promise<void> {
  await signUp(page, credentials);
  await page.getByRole("status").getByRole("link", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/sign-in");
  await signIn(page, credentials);
}

/** Signs up through an invitation link (so the account joins the inviting organization), then signs in. */
export async function acceptInvitation(page: Page, token: string, credentials: Credentials): Promise<void> {
  await page.goto(`/sign-up?invitation=${encodeURIComponent(token)}`);
  await signUp(page, credentials);
  await signIn(page, credentials);
}

/** Creates an organization on /onboarding and waits for its overview, where it is now active. */
export async function createOrganization(page: Page, name: string): Promise<void> {
  if (new URL(page.url()).pathname !== "/onboarding") await page.goto("/onboarding");
  await page.getByLabel("Organization name").fill(name);
  await page.getByRole("button", { name: "Create organization" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.getByRole("heading", { level: 1, name, exact: true }).waitFor();
}

export interface PageResponse {
  status: number;
  body: unknown;
}

/**
 * A fetch() run by the page itself, so it carries what the dashboard's own calls carry: the
 * session cookie and the browser's Origin / Sec-Fetch-Site headers. (page.request would not set
 * Sec-Fetch-Site, and the CSRF guard's 403 would hide the answer under test.)
 */
export async function fetchInPage(page: Page, path: string, init: { method?: string; body?: unknown } = {}): Promise<PageResponse> {
  return page.evaluate(async ({ path, method, body }) => {
    const response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json().catch(() => null) };
  }, { path, method: init.method ?? "GET", body: init.body });
}
