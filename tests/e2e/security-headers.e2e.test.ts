import type { Page } from "playwright-core";
import { expect } from "vitest";
import { PASSWORD, screenshot, test, uniqueEmail } from "./harness";

// The security headers as a browser receives them from the built app, and proof that the
// page's own scripts still run under that CSP while injected ones do not.

test("pages carry a nonce CSP, frame-ancestors 'none' and nosniff, and the app's scripts run under it", async ({ newPage }) => {
  const page = await newPage();
  // Collected from the first byte of every document: CSP reports violations as DOM events.
  await page.addInitScript(recordViolations);
  const response = await page.goto("/sign-up");
  expect(response?.status()).toBe(200);
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(csp)?.[1];
  expect(nonce, csp).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");

  // Every script Next rendered carries this response's nonce (the browser hides the attribute
  // after parsing; the property keeps it), and none was blocked.
  const scriptNonces = await page.evaluate(() => [...document.scripts].map((s) => s.nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));

  // A client component works: the sign-up form submits through fetch() and renders the result
  // in place. Without running scripts the browser would submit the form natively (a GET that
  // puts the address into the URL) and no confirmation would appear.
  await page.getByLabel("Email", { exact: true }).fill(uniqueEmail("csp"));
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("status").filter({ hasText: "Your account is ready" }).waitFor();
  expect(new URL(page.url()).search).toBe("");
  await screenshot(page, "security-headers client component ran");
  expect(await violations(page)).toEqual([]);

  // Markup injected into the page (what an XSS would do) does not run, and is reported: an
  // inline script and an inline event handler, neither carrying the nonce.
  const injected = await newPage();
  await injected.addInitScript(recordViolations);
  await injected.route(
    (url) => url.pathname === "/sign-in",
    async (route) => {
      if (route.request().resourceType() !== "document") return route.continue();
      const original = await route.fetch();
      const body = (await original.text()).replace(
        "</body>",
        `<script>window.__injected = "script"</script><img src="/missing.png" alt="" onerror="window.__injected = 'handler'"></body>`,
      );
      await route.fulfill({ response: original, body });
    },
  );
  await injected.goto("/sign-in");
  await expect.poll(() => violations(injected)).toEqual(expect.arrayContaining(["script-src-elem inline", "script-src-attr inline"]));
  expect(await injected.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
  // …while the page's own (nonced) scripts ran: the form is hydrated by React.
  await expect.poll(() => injected.evaluate(() => Object.keys(document.querySelector("form") ?? {}).some((key) => key.startsWith("__react")))).toBe(true);

  // frame-ancestors 'none' (and X-Frame-Options): another page cannot frame the app. Control:
  // the same page with those two headers stripped on the way loads in the same kind of frame,
  // so the block is the headers' doing, not a network problem.
  const origin = new URL(page.url()).origin;
  const framer = await newPage();
  await framer.route(
    (url) => url.searchParams.has("control"),
    async (route) => {
      const original = await route.fetch();
      const headers = Object.fromEntries(Object.entries(original.headers()).filter(([name]) => !["content-security-policy", "x-frame-options"].includes(name)));
      await route.fulfill({ response: original, headers });
    },
  );
  await framer.setContent(`<iframe name="app" src="${origin}/sign-in"></iframe><iframe name="control" src="${origin}/sign-in?control"></iframe>`);
  await expect.poll(() => framer.frame({ name: "control" })?.getByRole("heading", { name: "Sign in" }).count().catch(() => 0)).toBe(1);
  await expect.poll(() => framer.frame({ name: "app" })?.url()).toBe("chrome-error://chromewebdata/");
});

function recordViolations() {
  const w = window as unknown as { __cspViolations: string[] };
  w.__cspViolations = [];
  document.addEventListener("securitypolicyviolation", (event) => w.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
}

function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}
