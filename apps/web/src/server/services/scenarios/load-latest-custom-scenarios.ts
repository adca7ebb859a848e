import "server-only";
import { prisma } from "@bulwark/db";
import { Scenario } from "@bulwark/redteam";

export interface StoredScenario {
  scenario: Scenario;
  createdAt: Date;
}

/**
 * The latest version of each of the org's active custom scenarios. DISTINCT ON reads one row per
 * key (on the (org, key, version) index) instead of every stored version and its document. A
 * document that no longer parses (the schema moved on) is left out, as the run planner does.
 */
export async function loadLatestCustomScenarios(orgId: string): Promise<StoredScenario[]> {
  const rows = await prisma.$queryRaw<{ definition: unknown; created_at: Date }[]>`
    SELECT DISTINCT ON (scenario_key) definition, created_at
    FROM custom_scenarios
    WHERE org_id = ${orgId} AND archived_at IS NULL
    ORDER BY scenario_key, version DESC`;
  return rows.flatMap((row) => {
    const parsed = Scenario.safeParse(row.definition);
    return parsed.success ? [{ scenario: parsed.data, createdAt: row.created_at }] : [];
  });
}
