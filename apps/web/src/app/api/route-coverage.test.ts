import { readdirSync } from "node:fs";
import path from "node:path";
import { operations } from "@bulwark/contracts";
import { describe, expect, it } from "vitest";

const APP_DIR = path.join(import.meta.dirname, "..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

// Route files that are deliberately not REST operations. Scheduled jobs (/api/cron/…) are not
// either: they take the cron secret, not a session or key (server/http/cron.ts); nor is the
// Prometheus scrape, which takes METRICS_TOKEN and answers in text (server/metrics/serve-metrics.ts).
const NOT_OPERATIONS = new Set(["/api/{...path}", "/api/auth/{...nextauth}", "/api/metrics"]);
const isCron = (apiPath: string) => apiPath.startsWith("/api/cron/");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** `app/api/v1/projects/[id]/route.ts` → `/api/v1/projects/{id}`; route groups `(x)` vanish. */
function toApiPath(file: string): string {
  const segments = path
    .relative(APP_DIR, path.dirname(file))
    .split(path.sep)
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) => segment.replace(/^\[(.+)\]$/, "{$1}"));
  return `/${segments.join("/")}`;
}

async function implementedRoutes(): Promise<string[]> {
  const routes: string[] = [];
  for (const file of routeFiles(path.join(APP_DIR, "api"))) {
    const apiPath = toApiPath(file);
    if (NOT_OPERATIONS.has(apiPath) || isCron(apiPath)) continue;
    const mod = (await import(file)) as Record<string, unknown>;
    for (const method of METHODS) if (typeof mod[method] === "function") routes.push(`${method} ${apiPath}`);
  }
  return routes.sort();
}

describe("route coverage", () => {
  it("has exactly one contract operation for every route handler, and a handler for every operation", async () => {
    const implemented = await implementedRoutes();
    const declared = operations.map((op) => `${op.method} ${op.path}`).sort();
    expect(implemented.length).toBeGreaterThan(0);
    expect({ missingFromSpec: implemented.filter((r) => !declared.includes(r)), missingHandler: declared.filter((r) => !implemented.includes(r)) }).toEqual({
      missingFromSpec: [],
      missingHandler: [],
    });
    // Importing every route module transforms most of the app: seconds on a busy CI machine.
  }, 60_000);
});
