import { expect } from "vitest";
import { createOrganization, e2eContext, makePlatformAdmin, PASSWORD, screenshot, signUpAndSignIn, test, uniqueEmail, uniqueSuffix } from "./harness";
import { E2E_METRICS_TOKEN } from "./harness/server";

test("the admin page shows Platform health to a platform administrator, and is 404 to anyone else", async ({ newPage }) => {
  const page = await newPage();
  const email = uniqueEmail("platform-health");
  await signUpAndSignIn(page, { email, password: PASSWORD });
  await createOrganization(page, `Health org ${uniqueSuffix()}`);
  expect((await page.goto("/admin"))?.status()).toBe(404);

  await makePlatformAdmin(email);
  expect((await page.goto("/admin"))?.status()).toBe(200);
  const health = page.getByRole("region", { name: "Platform health" });
  await health.waitFor();
  for (const label of ["Queued", "Running", "Busy workers", "Stuck runs", "Jobs waiting", "Oldest queued run", "Failed", "Not judged yet"]) {
    await health.getByText(label, { exact: true }).waitFor();
  }
  await screenshot(page, "admin platform health");
});

test("the production build serves /api/metrics to the METRICS_TOKEN bearer only", async () => {
  const { baseUrl } = e2eContext();
  expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);

  const refused = await fetch(`${baseUrl}/api/metrics`, { headers: { authorization: "Bearer not-the-metrics-token" } });
  expect(refused.status).toBe(401);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("unauthorized");

  const res = await fetch(`${baseUrl}/api/metrics`, { headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
  const text = await res.text();
  expect(text).toMatch(/^bulwark_http_requests_total\{route="\/api\/health",method="GET",status="200"\} [1-9]/m);
  expect(text).toMatch(/^bulwark_platform_snapshot_success 1$/m);
  expect(text).toMatch(/^bulwark_queue_depth\{queue="runs\.execute"\} \d+$/m);
  expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
});
