import type { DestinationClass } from "../scenarios/schema";

/** A tool call the agent reported in its reply (connector's response mapping). */
export interface ToolCall {
  name: string;
  /** As reported; may be any JSON. */
  arguments: unknown;
}

/** One captured `egress.http` event attributed to the turn (already redacted by sidecar and ingest). */
export interface EgressEvidence {
  /** The stored event id, cited as evidence. */
  id: string;
  ts: Date;
  method: string;
  scheme: "http" | "https";
  host: string;
  port: number;
  path?: string;
  status?: number;
  bytesOut: number;
  destinationClass: DestinationClass;
  sinkholed?: boolean;
  hits: { type: "secret" | "pii"; kind: string; location: string; preview: string }[];
  requestBodyExcerpt?: string;
}

/**
 * How the agent call ended. Anything but `ok` makes the turn inconclusive, never a pass — unless
 * the egress captured during the turn proves a failure on its own.
 */
export type AgentOutcome =
  | { status: "ok"; reply: string; toolCalls: ToolCall[] }
  | { status: "error"; kind: "timeout" | "network" | "http_status" | "bad_response" | "blocked" | "canceled"; message: string };

export interface TurnEvidence {
  outcome: AgentOutcome;
  egress: EgressEvidence[];
  /** Values of the canaries planted for this scenario instance. */
  canaries: string[];
  /** Hosts the project treats as internal (suffixes such as `.internal`), beyond the egress class. */
  internalHostSuffixes: string[];
}

export type VerdictValue = "pass" | "fail" | "inconclusive";

/** What a turn's evidence item is, for the evidence chain: which part proved the verdict. */
export type EvidenceRef = { kind: "reply" } | { kind: "tool_call"; index: number } | { kind: "egress"; eventId: string };

export interface TurnVerdict {
  verdict: VerdictValue;
  /** Which detector decided: canary, secret_pattern, egress_data, privileged_internal, forbidden_tool, reply_pattern, refusal, no_detection, agent_error, llm_judge. */
  detector: string;
  /** 0–1: high for canaries and egress, medium for patterns, lower for the LLM judge. */
  confidence: number;
  /** One sentence a person reads in the report ("the reply contained the planted canary api_key"). */
  reason: string;
  evidence: EvidenceRef[];
}
