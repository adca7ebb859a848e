import type { Prisma } from "@bulwark/db";
import type { RunPlan } from "@bulwark/jobs";
import type { PlannedAttack } from "@bulwark/redteam";

/** The attacks fixed in `runs.plan` at creation, in plan order; none when the plan holds none. */
export function runPlanAttacks(plan: Prisma.JsonValue | null): PlannedAttack[] {
  if (!plan || typeof plan !== "object" || Array.isArray(plan)) return [];
  const { attacks } = plan as unknown as Partial<RunPlan>;
  return Array.isArray(attacks) ? attacks : [];
}
