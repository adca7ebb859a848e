// DATABASE_URL=… npx tsx scripts/verify-chains.ts
//
// Verifies every hash chain in a database: each organization's audit chain and the platform's,
// and every run's evidence chain. scripts/restore-check.sh runs it against a restored backup.
// The checks are the API's own (GET /api/v1/audit-logs/verify, GET /api/v1/runs/{id}/verify):
// a backup is proven by the code that will judge it after a restore, not by a second copy of it.
// Prints one line per broken chain and a summary; exit 0 when every chain verifies, 1 otherwise
// (or on an error), 2 without DATABASE_URL.
import { findRepoRoot } from "@bulwark/db/migrate";
import { registerWebModuleHooks } from "./lib/web-module-hooks";

registerWebModuleHooks(findRepoRoot());

async function main(): Promise<number> {
  if (!process.env.DATABASE_URL) {
    console.error("verify-chains: set DATABASE_URL to the database to verify");
    return 2;
  }
  const { prisma, verifyAuditChain } = await import("@bulwark/db");
  const { verifyRunEvidence } = await import("../apps/web/src/server/services/runs/verify-run-evidence");
  try {
    let broken = 0;

    // Chains of deleted orgs go with them (cascade), so the orgs and the entries' own org ids
    // together name every chain; null is the platform's.
    const chains = await prisma.$queryRaw<{ orgId: string | null }[]>`
      SELECT org_id AS "orgId" FROM audit_log_entries UNION SELECT id FROM organizations UNION SELECT NULL
      ORDER BY 1 NULLS FIRST`;
    let auditEntries = 0;
    for (const { orgId } of chains) {
      const result = await verifyAuditChain(prisma, orgId);
      if (result.ok) {
        auditEntries += result.entries;
      } else {
        broken += 1;
        console.log(`audit chain ${orgId ?? "platform"}: BROKEN at seq ${result.brokenAtSeq} (${result.reason})`);
      }
    }
    console.log(`audit chains: ${chains.length} checked, ${auditEntries} entries verified`);

    const runs = await prisma.run.findMany({ select: { id: true, orgId: true }, orderBy: { id: "asc" } });
    let links = 0;
    let brokenRuns = 0;
    for (const run of runs) {
      const result = await verifyRunEvidence({ orgId: run.orgId }, run.id);
      links += result.items;
      if (!result.ok) {
        brokenRuns += 1;
        const at = result.firstMismatch ? ` at seq ${result.firstMismatch.seq} (${result.firstMismatch.reason})` : "";
        console.log(`evidence chain of run ${run.id} (org ${run.orgId}): BROKEN${at}`);
      }
    }
    console.log(`evidence chains: ${runs.length} run(s) checked, ${links} links`);

    broken += brokenRuns;
    console.log(broken === 0 ? "chains: all verify" : `chains: ${broken} BROKEN`);
    return broken === 0 ? 0 : 1;
  } finally {
    await prisma.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`verify-chains: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
