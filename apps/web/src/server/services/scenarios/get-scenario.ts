import "server-only";
import { notFound, type ScenarioDetail } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import { getBuiltInScenario, Scenario } from "@bulwark/redteam";
import type { ServiceContext } from "@/server/auth/principal";

/** A built-in scenario, or the latest version of one of the org's active custom scenarios. */
export async function getScenario(ctx: ServiceContext, key: string): Promise<ScenarioDetail> {
  const builtIn = getBuiltInScenario(key);
  if (builtIn) return { builtIn: true, createdAt: null, document: builtIn };
  const row = await prisma.customScenario.findFirst({
    where: { orgId: ctx.orgId, scenarioKey: key, archivedAt: null },
    orderBy: { version: "desc" },
  });
  const parsed = row && Scenario.safeParse(row.definition);
  if (!row || !parsed?.success) throw notFound("scenario");
  return { builtIn: false, createdAt: row.createdAt.toISOString(), document: parsed.data };
}
