import type { PrismaClient } from "@bulwark/db";
import { Scenario } from "@bulwark/redteam";

/**
 * An organization's custom scenarios, every stored version that is not archived (a run pins the
 * version it planned, so older ones must stay loadable). Each was validated when saved; one
 * that no longer parses (the schema moved on) is skipped rather than failing every run.
 */
export async function loadCustomScenarios(prisma: PrismaClient, orgId: string): Promise<Scenario[]> {
  const rows = await prisma.customScenario.findMany({ where: { orgId, archivedAt: null }, orderBy: [{ scenarioKey: "asc" }, { version: "asc" }] });
  return rows.flatMap((row) => {
    const parsed = Scenario.safeParse(row.definition);
    return parsed.success ? [parsed.data] : [];
  });
}
