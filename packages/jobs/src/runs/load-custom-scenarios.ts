import type { PrismaClient } from "@bulwark/db";
import { Scenario } from "@bulwark/redteam";

/**
 * An organization's custom scenarios, every stored version (a run pins the version it planned,
 * so older ones must stay loadable). New runs plan from active ones only; a run that planned a
 * scenario archived since (`includeArchived`) still executes what it planned. Each was
 * validated when saved; one that no longer parses (the schema moved on) is skipped.
 */
export async function loadCustomScenarios(prisma: PrismaClient, orgId: string, { includeArchived = false } = {}): Promise<Scenario[]> {
  const rows = await prisma.customScenario.findMany({
    where: { orgId, ...(includeArchived ? {} : { archivedAt: null }) },
    orderBy: [{ scenarioKey: "asc" }, { version: "asc" }],
  });
  return rows.flatMap((row) => {
    const parsed = Scenario.safeParse(row.definition);
    return parsed.success ? [parsed.data] : [];
  });
}
