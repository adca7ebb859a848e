import type { Page } from "playwright-core";
import { expect } from "vitest";
import { bootstrapOwner, egressEvent, ingestAsSidecar, PASSWORD, screenshot, signIn, startLiveRun, test, uniqueEmail, uniqueSuffix } from "./harness";

// A run's captured sidecar events in the live run view: 10,000 of them render quickly in a
// virtual table that stays small in the DOM, and a batch ingested while the page is open shows
// up within a second (ingest NOTIFYs the run's stream).

const TOTAL = 10_000;
const BATCH = 1_000;
const CLASSES = ["tool", "llm_provider", "internal", "public_internet", "attacker_sink"] as const;
const host = (i: number) => `h-${String(i).padStart(5, "0")}.example`;
const TABLE = 'table[aria-label="Captured events of this run"]';

declare global {
  interface Window {
    __eventsTableShownAt?: number;
  }
}

/**
 * Records, in the page, when the table first shows rows together with the total count: what a
 * user sees. `performance.now()` counts from the navigation's start.
 */
async function watchFirstRows(page: Page, totalText: string): Promise<void> {
  await page.addInitScript(
    ({ table, totalText }) => {
      const check = () => {
        if (window.__eventsTableShownAt !== undefined) return;
        const rows = document.querySelectorAll(`${table} tbody tr[aria-rowindex]`).length;
        const counted = [...document.querySelectorAll('[role="status"]')].some((el) => el.textContent?.startsWith(totalText));
        if (rows > 0 && counted) window.__eventsTableShownAt = performance.now();
      };
      new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
    },
    { table: TABLE, totalText },
  );
}

async function timeToTable(page: Page, runId: string): Promise<{ shown: number; firstByte: number }> {
  await page.goto(`/runs/${runId}`);
  await page.waitForFunction(() => window.__eventsTableShownAt !== undefined, undefined, { timeout: 15_000 });
  return page.evaluate(() => ({ shown: window.__eventsTableShownAt!, firstByte: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).responseStart }));
}

test("a run view holding 10,000 captured events shows them in under a second and keeps only a window of rows", { timeout: 240_000 }, async ({ newPage }) => {
  const suffix = uniqueSuffix();
  const credentials = { email: uniqueEmail("events"), password: PASSWORD };
  const owner = await bootstrapOwner({ org: `Run events ${suffix}`, ...credentials });
  const live = await startLiveRun(owner.apiKey, `Events agent ${suffix}`);
  try {
    // Seeded through the real ingest endpoint, in batches as a sidecar sends them.
    const start = Date.now() - 10 * 60_000;
    for (let b = 0; b < TOTAL / BATCH; b++) {
      const events = Array.from({ length: BATCH }, (_, k) => {
        const i = b * BATCH + k;
        return egressEvent(live.runId, `seed-${i}`, { host: host(i), ts: new Date(start + i * 20), destinationClass: CLASSES[i % CLASSES.length] });
      });
      const answer = await ingestAsSidecar(live.sidecarToken, events);
      expect(answer).toMatchObject({ status: 200, body: { stored: BATCH, rejected: 0 } });
    }

    const page = await newPage();
    await signIn(page, credentials);
    // The first visit warms the route (server code paths, chunks); the measured ones follow it.
    await page.goto(`/runs/${live.runId}`);
    await page.locator(`${TABLE} tbody tr[aria-rowindex]`).first().waitFor();
    await watchFirstRows(page, "10,000 events");
    const timings: { shown: number; firstByte: number }[] = [];
    for (let i = 0; i < 3; i++) timings.push(await timeToTable(page, live.runId));
    console.log(`run view with ${TOTAL} events: first rows and total shown after ${timings.map((t) => `${Math.round(t.shown)} ms (first byte ${Math.round(t.firstByte)} ms)`).join(", ")}`);
    // The best of three: one navigation slowed by a neighbour's build must not fail the suite,
    // while a page that needs a second every time still does.
    expect(Math.min(...timings.map((t) => t.shown))).toBeLessThan(1_000);

    // Every page loaded, the status says so; scrolled to the end, the last event is there and the
    // DOM holds a window of rows, not ten thousand.
    const status = page.getByRole("status").filter({ hasText: /^10,000 events$/ });
    await status.waitFor({ timeout: 30_000 });
    const scroller = page.getByRole("region", { name: "Captured events (scrollable)" });
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await page.locator(TABLE).getByText(host(TOTAL - 1), { exact: true }).waitFor();
    const rendered = await page.locator(`${TABLE} tbody tr[aria-rowindex]`).count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    expect(await page.locator(TABLE).getByText(host(0), { exact: true }).count()).toBe(0);
    expect(await page.locator(TABLE).getAttribute("aria-rowcount")).toBe(String(TOTAL + 1));
    await screenshot(page, "run events 01 ten thousand events");

    // Filters apply to all 10,000 at once, while typing.
    const filtered = async (action: () => Promise<void>, expected: RegExp) => {
      const began = Date.now();
      await action();
      await page.getByRole("status").filter({ hasText: expected }).waitFor();
      return Date.now() - began;
    };
    const byClass = await filtered(() => page.getByLabel("Destination class").selectOption("attacker_sink").then(() => undefined), /^2,000 of 10,000 events$/);
    const byHost = await filtered(() => page.getByLabel("Host contains").fill("h-0999"), /^2 of 10,000 events$/);
    console.log(`filters applied in ${byClass} ms (class) and ${byHost} ms (class and host)`);
    expect(Math.max(byClass, byHost)).toBeLessThan(1_000);
    const rows = page.locator(`${TABLE} tbody tr[aria-rowindex]`);
    expect(await rows.allTextContents()).toEqual([expect.stringContaining(host(9994)), expect.stringContaining(host(9999))]);
    await screenshot(page, "run events 02 filtered");
  } finally {
    await live.stop();
  }
});

test("a batch ingested while the run view is open appears within a second", { timeout: 120_000 }, async ({ newPage }) => {
  const suffix = uniqueSuffix();
  const credentials = { email: uniqueEmail("live-events"), password: PASSWORD };
  const owner = await bootstrapOwner({ org: `Live events ${suffix}`, ...credentials });
  const live = await startLiveRun(owner.apiKey, `Live events agent ${suffix}`);
  try {
    const page = await newPage();
    await signIn(page, credentials);
    await page.goto(`/runs/${live.runId}`);
    await page.getByText("Live", { exact: true }).waitFor();
    await page.getByText("No events captured").waitFor();

    // A first batch warms the ingest and stream paths; the timed one follows.
    expect((await ingestAsSidecar(live.sidecarToken, [egressEvent(live.runId, "warm-1", { host: "warm.example", ts: new Date() })])).status).toBe(200);
    await page.locator(TABLE).getByText("warm.example").waitFor();

    // The page notes when the row appears (epoch ms), watching from before the POST.
    const seen = page.evaluate(
      (table) =>
        new Promise<number>((resolve) => {
          const check = () => {
            if (document.querySelector(table)?.textContent?.includes("exfil.attacker.example")) {
              observer.disconnect();
              resolve(performance.timeOrigin + performance.now());
            }
          };
          const observer = new MutationObserver(check);
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
          check();
        }),
      TABLE,
    );
    const now = new Date();
    const answer = await ingestAsSidecar(live.sidecarToken, [
      egressEvent(live.runId, "live-1", { host: "exfil.attacker.example", ts: now, destinationClass: "attacker_sink" }),
      egressEvent(live.runId, "live-2", { host: "api.tool.example", ts: now }),
    ]);
    const answeredAt = Date.now();
    expect(answer).toMatchObject({ status: 200, body: { stored: 2 } });
    const shownAfter = (await seen) - answeredAt;
    console.log(`captured event shown ${Math.round(shownAfter)} ms after the ingest answered`);
    expect(shownAfter).toBeLessThan(1_000);
    await page.getByRole("status").filter({ hasText: /^3 events$/ }).waitFor();
    await screenshot(page, "run events 03 live event");
  } finally {
    await live.stop();
  }
});
