import "server-only";
import type { Finding } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import { getRunOrThrow } from "@/server/services/runs/get-run-or-throw";
import { FINDING_INCLUDE, toFindingDto } from "./to-finding-dto";

/**
 * Every finding of a run, highest risk first. Unpaginated on purpose: (run, fingerprint) is
 * unique, so a run holds at most one finding per scenario it planned, and a plan is bounded by
 * the built-in catalog plus the org's capped custom scenarios (MAX_CUSTOM_SCENARIOS).
 */
export async function listRunFindings(ctx: ServiceContext, runId: string): Promise<{ data: Finding[] }> {
  await getRunOrThrow(ctx, runId);
  const rows = await prisma.finding.findMany({
    where: { orgId: ctx.orgId, runId },
    include: FINDING_INCLUDE,
    // The severity enum is declared critical → info, so ascending is most severe first.
    orderBy: [{ riskScore: { sort: "desc", nulls: "last" } }, { severity: "asc" }, { id: "asc" }],
  });
  return { data: rows.map(toFindingDto) };
}
