import { randomInt } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { inject, test as base } from "vitest";
import { CHROMIUM_ARGS } from "./chromium";
import type { E2eContext } from "./context";

export type ReadyE2eContext = Extract<E2eContext, { ready: true }>;

/**
 * Browser-test fixtures:
 * - `e2e`: what the global setup prepared (base URL, database URL, screenshot dir);
 * - `browser`: one Chromium per test file, closed after the file;
 * - `newPage()`: a page in a fresh browser context (its own cookies: one user per context),
 *   closed after the test. A failing test leaves a screenshot of each of its pages.
 * When the global setup found no Chromium, `newPage` skips the test with the reason.
 */
export const test = base
  .extend("e2e", { scope: "file" }, () => inject("e2e"))
  .extend("browser", { scope: "file" }, async ({ e2e }, { onCleanup }): Promise<Browser | undefined> => {
    if (!e2e.ready) return undefined;
    const browser = await chromium.launch({ executablePath: e2e.chromiumPath, args: CHROMIUM_ARGS });
    onCleanup(() => browser.close());
    return browser;
  })
  .extend("newPage", async ({ e2e, browser, skip, task }, { onCleanup }) => {
    if (!e2e.ready || !browser) return skip(e2e.ready ? "no browser" : e2e.skipReason);
    const contexts: BrowserContext[] = [];
    onCleanup(async () => {
      if (task.result?.state === "fail") {
        const pages = contexts.flatMap((context) => context.pages());
        for (const [i, page] of pages.entries()) {
          await screenshot(page, `FAILED ${task.name}${pages.length > 1 ? ` ${i + 1}` : ""}`).catch(() => {});
        }
      }
      await Promise.all(contexts.map((context) => context.close()));
    });
    return async (): Promise<Page> => {
      const context = await browser.newContext({
        baseURL: e2e.baseUrl,
        viewport: { width: 1280, height: 800 },
        // Each context is one client behind the app's trusted proxy (TRUST_PROXY=1): per-IP
        // limits (10 sign-ups an hour) then count per test, not for the whole suite at once.
        extraHTTPHeaders: { "X-Forwarded-For": `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}` },
      });
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      return context.newPage();
    };
  });

/**
 * Saves a full-page PNG as test-results/screenshots/<name>.png (git-ignored; CI keeps the run
 * directory). Names are free text, made file-safe here; give each test its own prefix.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  const e2e = inject("e2e");
  if (!e2e.ready) throw new Error("screenshot() needs the browser-test server");
  const file = path.join(e2e.screenshotDir, `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}.png`);
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The global setup's context for helpers outside fixtures; throws when the browser tests are skipped. */
export function e2eContext(): ReadyE2eContext {
  const e2e = inject("e2e");
  if (!e2e.ready) throw new Error(e2e.skipReason);
  return e2e;
}
