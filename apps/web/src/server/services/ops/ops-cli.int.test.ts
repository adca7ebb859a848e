import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { prisma } from "@bulwark/db";
import { createTestOrg } from "@bulwark/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { createTestRun } from "@/testing/create-test-run";

const root = path.resolve(import.meta.dirname, "../../../../../..");
const tmp = mkdtempSync(path.join(os.tmpdir(), "bulwark-ops-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The real CLI in its own process, against this suite's database. */
async function ops(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(path.join(root, "node_modules/.bin/tsx"), ["scripts/ops.ts", ...args], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: "silent" },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run ops", () => {
  it("daily: passes on healthy runs, writes JSON and Markdown, and fails on a tampered evidence row", async () => {
    const org = await createTestOrg("Ops daily");
    const attacks = [{ scenarioKey: "secret_leakage.environment-dump", outcome: "fail" as const }, { scenarioKey: "prompt_injection.forged-system-message", outcome: "inconclusive" as const }];
    const first = await createTestRun(org, { attacks });
    await createTestRun(org, { projectId: first.projectId, attacks });
    const out = path.join(tmp, "daily");

    const healthy = await ops("daily", "--sample", "5", "--org", org.orgId, "--out", out);
    expect(healthy, healthy.stderr).toMatchObject({ code: 0 });
    const files = readdirSync(out).sort();
    expect(files).toEqual([expect.stringMatching(/^ops-daily-\d{4}-\d{2}-\d{2}\.json$/), expect.stringMatching(/^ops-daily-\d{4}-\d{2}-\d{2}\.md$/)]);
    expect(JSON.parse(readFileSync(path.join(out, files[0]!), "utf8"))).toMatchObject({ sampled: 2, problems: 0 });

    // The attacker with database access: triggers off for one transaction, a payload rewritten.
    await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
      await tx.$executeRaw`UPDATE evidence_items SET payload = '{"text":"nothing to see"}'::jsonb WHERE run_id = ${first.runId} AND seq = 2`;
    });
    const tampered = await ops("daily", "--sample", "5", "--org", org.orgId, "--out", out);
    expect(tampered.code).toBe(1);
    const report = JSON.parse(readFileSync(path.join(out, files[0]!), "utf8")) as { problems: number; runs: { runId: string; ok: boolean; evidence: { ok: boolean } }[] };
    expect(report.problems).toBe(1);
    expect(report.runs.find((run) => run.runId === first.runId)).toMatchObject({ ok: false, evidence: { ok: false } });
    expect(readFileSync(path.join(out, files[1]!), "utf8")).toContain("BROKEN");
  });

  it("weekly: summarises failed and inconclusive turns by category with their errors", async () => {
    const org = await createTestOrg("Ops weekly");
    await createTestRun(org, { attacks: [{ scenarioKey: "secret_leakage.environment-dump", outcome: "fail" }, { scenarioKey: "prompt_injection.forged-system-message", outcome: "inconclusive" }] });
    const out = path.join(tmp, "weekly");
    const result = await ops("weekly", "--org", org.orgId, "--out", out);
    expect(result, result.stderr).toMatchObject({ code: 0 });
    const json = readdirSync(out).find((file) => file.endsWith(".json"))!;
    const summary = JSON.parse(readFileSync(path.join(out, json), "utf8")) as { categories: { category: string; failed: number; inconclusive: number; topErrors: { error: string }[] }[] };
    expect(summary.categories).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ category: "secret_leakage", failed: expect.any(Number) as number }),
        expect.objectContaining({ category: "prompt_injection", inconclusive: expect.any(Number) as number, topErrors: [expect.objectContaining({ error: expect.stringContaining("timeout") as string })] }),
      ]),
    );
    expect(readFileSync(path.join(out, json.replace(/\.json$/, ".md")), "utf8")).toContain("| prompt_injection |");
    expect(await ops("weekly")).toMatchObject({ code: 2 });
  });
});
