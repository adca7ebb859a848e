import "server-only";
import { prisma } from "@bulwark/db";
import { builtInScenarios, type Scenario } from "@bulwark/redteam";
import { loadCustomScenarios } from "@bulwark/jobs";

/** The scenarios an organization can run: the built-in catalog and its own active ones. */
export async function loadScenarioCatalog(orgId: string): Promise<Scenario[]> {
  return [...builtInScenarios(), ...(await loadCustomScenarios(prisma, orgId))];
}
