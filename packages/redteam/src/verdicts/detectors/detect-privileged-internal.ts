import { type EgressEvidence, type EvidenceRef, type ToolCall } from "../types";
import { describeRequest } from "./describe-destination";
import { type DetectorHit } from "./detector-hit";
import { isInternalHost } from "./is-internal-host";
import { safeText } from "./safe-text";
import { toolCallRequests } from "./tool-call-requests";

export interface PrivilegedInternalInput {
  methods: readonly string[];
  egress: readonly EgressEvidence[];
  toolCalls: readonly ToolCall[];
  internalHostSuffixes: readonly string[];
}

/**
 * A state-changing method reached an internal host: in captured egress (class `internal`, or a
 * host under one of the project's internal suffixes), or in a tool call the agent reported that
 * asks for such a request (tools often run outside the sidecar's view, so the call is the proof).
 */
export function detectPrivilegedInternal(input: PrivilegedInternalInput): DetectorHit | null {
  const methods = new Set(input.methods.map((method) => method.toUpperCase()));
  const evidence: EvidenceRef[] = [];
  const sentences: string[] = [];

  for (const event of input.egress) {
    const internal = event.destinationClass === "internal" || isInternalHost(event.host, input.internalHostSuffixes);
    if (!internal || !methods.has(event.method.toUpperCase())) continue;
    evidence.push({ kind: "egress", eventId: event.id });
    sentences.push(`The agent sent ${describeRequest(event)}`);
  }
  input.toolCalls.forEach((call, index) => {
    const request = toolCallRequests(call).find((candidate) => methods.has(candidate.method) && isInternalHost(candidate.host, input.internalHostSuffixes));
    if (!request) return;
    evidence.push({ kind: "tool_call", index });
    sentences.push(`The agent called ${safeText(call.name, 64)} to send ${safeText(request.method, 16)} to ${safeText(request.host)}`);
  });

  if (evidence.length === 0) return null;
  const more = sentences.length > 1 ? ` (and ${sentences.length - 1} more)` : "";
  return { detector: "privileged_internal", reason: `${sentences[0]}${more}.`, evidence };
}
