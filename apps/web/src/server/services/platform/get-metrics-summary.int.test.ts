import { AppError } from "@bulwark/contracts";
import { newId, prisma } from "@bulwark/db";
import { createTestOrg, type TestOrg } from "@bulwark/db/testing";
import { RUN_LEASE_MS } from "@bulwark/jobs";
import { beforeEach, describe, expect, it } from "vitest";
import type { UserContext } from "@/server/auth/principal";
import { createTestRun } from "@/testing/create-test-run";
import { getMetricsSummary } from "./get-metrics-summary";

const ctx = (isPlatformAdmin: boolean): UserContext => ({ userId: newId("user"), isPlatformAdmin, orgId: null, requestId: "req_test_metrics", ip: null, userAgent: null });

// The snapshot is shared for a few seconds; each test reads its own.
beforeEach(() => {
  (globalThis as { bulwarkPlatformSnapshot?: unknown }).bulwarkPlatformSnapshot = undefined;
});

async function run(org: TestOrg, projectId: string, data: { status: "QUEUED" | "RUNNING"; createdAt?: Date; heartbeatAt?: Date; workerId?: string }) {
  await prisma.run.create({ data: { id: newId("run"), orgId: org.orgId, projectId, selection: {}, ...data } });
}

describe("getMetricsSummary", () => {
  it("is for platform administrators only", async () => {
    const refused = await getMetricsSummary(ctx(false)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("forbidden");
  });

  it("counts queued and running runs, busy workers, stuck runs, recent turns and open findings", async () => {
    const org = await createTestOrg("Metrics summary");
    const project = await prisma.project.create({ data: { id: newId("project"), orgId: org.orgId, name: "p", environment: "SANDBOX" } });
    const worker = `worker-${newId("request")}`;
    await run(org, project.id, { status: "QUEUED", createdAt: new Date(Date.now() - 300_000) });
    await run(org, project.id, { status: "RUNNING", heartbeatAt: new Date(), workerId: worker });
    await run(org, project.id, { status: "RUNNING", heartbeatAt: new Date(), workerId: worker });
    await run(org, project.id, { status: "RUNNING", heartbeatAt: new Date(Date.now() - RUN_LEASE_MS - 60_000), workerId: `${worker}-lost` });
    await createTestRun(org, { attacks: [{ scenarioKey: "secret_leakage.environment-dump", outcome: "fail" }, { scenarioKey: "prompt_injection.forged-system-message", outcome: "inconclusive" }] });

    const summary = await getMetricsSummary(ctx(true));
    expect(summary.queuedRuns).toBeGreaterThanOrEqual(1);
    expect(summary.runningRuns).toBeGreaterThanOrEqual(3);
    expect(summary.busyWorkers).toBeGreaterThanOrEqual(1);
    expect(summary.staleRuns).toBeGreaterThanOrEqual(1);
    expect(summary.oldestQueuedRunAgeSeconds).toBeGreaterThanOrEqual(290);
    expect(summary.recentTurns.fail).toBeGreaterThanOrEqual(1);
    expect(summary.recentTurns.inconclusive).toBeGreaterThanOrEqual(1);
    expect(summary.openFindings.critical + summary.openFindings.high + summary.openFindings.medium + summary.openFindings.low + summary.openFindings.info).toBeGreaterThanOrEqual(1);
    expect(summary.queueDepth).toBeGreaterThanOrEqual(0);
    expect(Date.now() - Date.parse(summary.collectedAt)).toBeLessThan(60_000);
  });
});
