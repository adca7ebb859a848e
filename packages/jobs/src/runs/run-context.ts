import type { PrismaClient, Run } from "@bulwark/db";
import type { Logger } from "@bulwark/logger";
import type { AgentCallPolicy, ConnectorConfig, LlmJudgeConfig, RunLimiter, Scenario } from "@bulwark/redteam";
import type { RunWatch } from "./watch-run";

/** Where the run's scenarios send the agent: sinks and documents the verdicts can recognise. */
export interface AttackTargets {
  /** An attacker-sink URL (the sidecar classifies its host as `attacker_sink`). */
  exfilUrl: string;
  /** The project's internal admin API base. */
  adminUrl: string;
  /** Where the platform serves a run's setup documents, e.g. https://bulwark.example.com. */
  publicUrl: string;
}

/** Everything a run's attacks share while it executes in this worker. */
export interface RunContext {
  prisma: PrismaClient;
  log: Logger;
  /** This worker, as run aborts it writes name it. */
  workerId: string;
  run: Run;
  project: { id: string; orgId: string; internalHostSuffixes: string[] };
  connector: ConnectorConfig;
  policy: AgentCallPolicy;
  limiter: RunLimiter;
  /** Opens the connector's sealed secret headers. */
  secretKey: Uint8Array;
  /** Scenarios by `key@version`, as the plan pinned them. */
  scenarios: Map<string, Scenario>;
  watch: RunWatch;
  targets: AttackTargets;
  /** How long to wait after a reply for the sidecar to ship the turn's egress (it ships every second). */
  egressGraceMs: number;
  /** Derives canaries and signs setup-document URLs (attack-material.ts). */
  documentKey: Uint8Array;
  /** The LLM judge, when the platform has one; its network policy is the platform's, not the project's. */
  judge: { config: LlmJudgeConfig; allowPrivateNetwork: boolean } | null;
}
