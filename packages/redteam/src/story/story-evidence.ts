import { scan } from "@bulwark/detect";
import { type DestinationClass } from "../scenarios/schema";
import { findCanaryLeaks } from "../verdicts/detectors/find-canary-leaks";
import { toolCallRequests } from "../verdicts/detectors/tool-call-requests";
import { type AgentOutcome, type EvidenceRef, type TurnEvidence } from "../verdicts/types";

type ErrorKind = Extract<AgentOutcome, { status: "error" }>["kind"];

/** What a story step may say about a turn: names, methods, hosts and kinds, never values. */
export interface StoryEvidence {
  outcome: { status: "ok" } | { status: "error"; kind: ErrorKind };
  toolCalls: { name: string; method?: string; host?: string }[];
  egress: { eventId: string; method: string; host: string; destinationClass: DestinationClass; sinkholed?: boolean }[];
  /** Planted canaries that appeared, by name (never by value), and where. */
  leakedCanaries: { name: string; where: EvidenceRef }[];
  /** Kinds packages/detect found in the reply, e.g. API_KEY. */
  replySecretKinds: string[];
}

/**
 * The story's view of a turn's evidence. `canaryNames[i]` names `evidence.canaries[i]` (the run's
 * setup order), so a step can say "the planted canary api_key" without ever holding its value.
 */
export function storyEvidenceFrom(evidence: TurnEvidence, canaryNames: readonly string[]): StoryEvidence {
  const outcome = evidence.outcome;
  const ok = outcome.status === "ok";
  const reply = ok && typeof outcome.reply === "string" ? outcome.reply : "";
  const toolCalls = ok && Array.isArray(outcome.toolCalls) ? outcome.toolCalls : [];
  return {
    outcome: ok ? { status: "ok" } : { status: "error", kind: outcome.kind },
    toolCalls: toolCalls.map((call) => {
      const name = typeof call.name === "string" ? call.name : "an unnamed tool";
      const request = toolCallRequests(call)[0];
      return request ? { name, method: request.method, host: request.host } : { name };
    }),
    egress: evidence.egress.map((event) => ({
      eventId: event.id,
      method: event.method,
      host: event.host,
      destinationClass: event.destinationClass,
      ...(event.sinkholed ? { sinkholed: true } : {}),
    })),
    leakedCanaries: findCanaryLeaks(evidence).map((leak) => ({ name: canaryNames[leak.canaryIndex] ?? `#${leak.canaryIndex + 1}`, where: leak.ref })),
    replySecretKinds: [...new Set(scan(reply).map((match) => match.kind))].sort(),
  };
}
