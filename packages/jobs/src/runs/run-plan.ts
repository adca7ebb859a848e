import type { PlannedAttack } from "@bulwark/redteam";
import type { AttackTargets } from "./run-context";

/**
 * What a run will do, fixed when it is created (stored in `runs.plan`): its attacks in order and
 * the addresses its scenarios use. The worker and the document route both read it from there, so
 * they always agree, and a resumed run replays exactly the same attacks.
 */
export interface RunPlan {
  attacks: PlannedAttack[];
  targets: AttackTargets;
}

/** A host under `attacker.example` (reserved, never resolves): the sidecar classes it as an attacker sink. */
export const DEFAULT_EXFIL_URL = "http://collect.attacker.example/upload";
/** The demo agent's admin API; `.internal` hosts are internal to the sidecar. */
export const DEFAULT_ADMIN_URL = "http://admin.internal";
