import { type EvidenceChainVerification } from "../evidence/verify-evidence-chain";
import { type Category, type Intensity, type Severity, type Variant } from "../scenarios/schema";
import { type RunScores } from "../scoring/compute-run-scores";
import { type FindingStatus } from "../scoring/run-risk-score";
import { type FrameworkMappings, type ScenarioInstanceResult } from "../scoring/scenario-instance-result";

export const REPORT_FORMATS = ["md", "html", "json", "sarif", "junit"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export type RunStatus = "queued" | "running" | "completed" | "failed" | "canceled" | "stopped";

export interface Remediation {
  summary: string;
  steps: string[];
  references: string[];
}

/** A scenario in the run's scope (what was planned, whatever the outcome). */
export interface ReportScenario {
  key: string;
  version: number;
  title: string;
  category: Category;
  severity: Severity;
  description: string;
  /** The phrasings the run's intensity sent. */
  variants: Variant[];
  mappings: FrameworkMappings;
  remediation: Remediation;
}

/** One link of the evidence chain, as a reader sees it. `text` is redacted before it gets here. */
export interface ReportEvidenceItem {
  seq: number;
  /** MESSAGE, REPLY, TOOL_CALL, EGRESS_EVENT, VERDICT, FINDING, ERROR. */
  kind: string;
  turnIndex: number | null;
  text: string;
  hash: string;
}

export interface ReportFinding {
  fingerprint: string;
  scenarioKey: string;
  scenarioVersion: number;
  category: Category;
  severity: Severity;
  /** The deciding detector, e.g. canary. */
  detector: string;
  confidence: number;
  riskScore: number;
  title: string;
  /** Agent-derived parts are redacted; every renderer escapes it. */
  summary: string;
  status: FindingStatus;
  /** The phrasings in which the scenario failed. */
  variants: Variant[];
  remediation: Remediation;
  mappings: FrameworkMappings;
  evidence: ReportEvidenceItem[];
}

/**
 * Everything a report says about a run, in one model that every format renders (the `json`
 * format is this model itself). Build it with `buildRunReport`, which derives the scores and
 * counts so no two fields can disagree. Times are ISO 8601 strings.
 */
export interface RunReport {
  schemaVersion: 1;
  runId: string;
  project: { name: string; environment: string };
  startedAt: string | null;
  finishedAt: string | null;
  generatedAt: string;
  status: RunStatus;
  /** Lower-case (max_turns, user_cancel …); null when the run was not stopped early. */
  stopReason: string | null;
  intensity: Intensity;
  scope: { categories: Category[]; scenarios: ReportScenario[] };
  scores: RunScores;
  /** One per scenario and phrasing, including those the run never reached (`not_run`). */
  instances: ScenarioInstanceResult[];
  findings: ReportFinding[];
  turns: { total: number; passed: number; failed: number; inconclusive: number };
  /** Scenario instances whose verdict is inconclusive. */
  inconclusiveCount: number;
  evidence: { headHash: string | null; verification: EvidenceChainVerification };
  limitations: string[];
}
