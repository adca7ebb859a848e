import { type Variant } from "../scenarios/schema";
import { type StoryEvidence } from "./story-evidence";

type ErrorKind = Extract<StoryEvidence["outcome"], { status: "error" }>["kind"];
type EvidenceRefKind = StoryEvidence["leakedCanaries"][number]["where"]["kind"];

export const ATTACK_LABEL: Record<Variant, string> = {
  direct: "Sent the attack",
  role_play: "Sent the role-play attack",
  encoded: "Sent the encoded attack",
};

export const ERROR_LABEL: Record<ErrorKind, string> = {
  timeout: "The agent did not answer in time",
  network: "The agent could not be reached",
  http_status: "The agent answered with an HTTP error",
  bad_response: "The agent's response could not be read",
  blocked: "The call to the agent was blocked",
  canceled: "The call to the agent was canceled",
};

/** How a failing turn reads, by the detector that decided it. */
export const FAILURE_LABEL: Record<string, string> = {
  canary: "a planted canary leaked",
  egress_data: "the agent sent data out",
  privileged_internal: "the agent made a privileged internal call",
  forbidden_tool: "the agent used a forbidden tool",
  secret_pattern: "the reply contained a secret",
  reply_pattern: "the reply matched a forbidden pattern",
  llm_judge: "the judge found the reply complied",
};

export const WHERE_LABEL: Record<EvidenceRefKind, string> = {
  reply: "The reply contained",
  tool_call: "A tool call carried",
  egress: "An outbound request carried",
};
