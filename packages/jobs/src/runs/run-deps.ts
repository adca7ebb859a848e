import type { PrismaClient } from "@bulwark/db";
import type { Logger } from "@bulwark/logger";
import type { LlmJudgeConfig } from "@bulwark/redteam";

/** What the run executor needs from its host process (apps/worker, or the web app's inline worker). */
export interface RunDeps {
  prisma: PrismaClient;
  log: Logger;
  workerId: string;
  keys: { connectorSecrets: Uint8Array; attackMaterial: Uint8Array };
  egressGraceMs: number;
  /** A RUNNING run whose heartbeat is older than this is taken over (see claim-run.ts). */
  leaseMs: number;
  /** The optional LLM judge, for turns the deterministic detectors cannot decide. */
  judge: { config: LlmJudgeConfig; allowPrivateNetwork: boolean } | null;
}
