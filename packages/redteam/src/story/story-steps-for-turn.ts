import { type Category, type Variant } from "../scenarios/schema";
import { DESTINATION_LABEL } from "../verdicts/detectors/describe-destination";
import { type EvidenceRef, type TurnVerdict } from "../verdicts/types";
import { cleanStoryText } from "./clean-story-text";
import { type StoryEvidence } from "./story-evidence";
import { ATTACK_LABEL, ERROR_LABEL, FAILURE_LABEL, WHERE_LABEL } from "./story-labels";

export interface StoryTurnInput {
  scenario: { key: string; title: string; category: Category; variant: Variant };
  turnId?: string | null;
  /** 0-based position of the turn in its scenario, and how many turns the scenario has. */
  turnIndex: number;
  turnCount: number;
  /** False for a turn that only sets the stage (`judge: false`): it gets no verdict step. */
  judged: boolean;
  /** What was sent, already redacted. */
  message: string;
  /** The run's planted canary values, masked wherever they would appear. */
  plantedValues: readonly string[];
  verdict: TurnVerdict | null;
  evidence: StoryEvidence;
}

export interface StoryStep {
  text: string;
  /** What the step points at; the worker stores it as the step's `refs`. */
  refs: { scenarioKey: string; variant: Variant; turnIndex: number; turnId: string | null; evidence: EvidenceRef[] };
}

/** Steps about one kind of thing (tool calls, requests) beyond this many are summed up. */
const MAX_LISTED = 5;

/**
 * The narrative steps for one turn, produced as soon as that turn completes so the story grows
 * while the run is going: what was sent, what the agent did (tool calls, requests, leaks), and
 * how the turn was judged. The wording is fixed and deterministic; it names tools, methods,
 * hosts, canary names and secret kinds, and never a value.
 */
export function storyStepsForTurn(input: StoryTurnInput): StoryStep[] {
  const steps: StoryStep[] = [];
  const clean = (text: string, max?: number) => cleanStoryText(text, input.plantedValues, max);
  const step = (text: string, evidence: EvidenceRef[] = []) =>
    steps.push({ text, refs: { scenarioKey: input.scenario.key, variant: input.scenario.variant, turnIndex: input.turnIndex, turnId: input.turnId ?? null, evidence } });

  const position = input.turnCount > 1 ? ` (turn ${input.turnIndex + 1} of ${input.turnCount})` : "";
  const opening = input.judged ? ATTACK_LABEL[input.scenario.variant] : "Set the stage for";
  step(`${opening} "${clean(input.scenario.title, 120)}"${position}: "${clean(input.message, 140)}"`);

  const { evidence } = input;
  if (evidence.outcome.status === "error") step(`${ERROR_LABEL[evidence.outcome.kind]}.`);

  evidence.toolCalls.slice(0, MAX_LISTED).forEach((call, index) => {
    const request = call.method && call.host ? ` to send ${clean(call.method, 16)} to ${clean(call.host)}` : "";
    step(`The agent called ${clean(call.name, 64)}${request}.`, [{ kind: "tool_call", index }]);
  });
  if (evidence.toolCalls.length > MAX_LISTED) step(`The agent made ${evidence.toolCalls.length - MAX_LISTED} more tool calls.`);

  const requests = groupRequests(evidence.egress, clean);
  for (const [description, eventIds] of requests.slice(0, MAX_LISTED)) {
    const times = eventIds.length > 1 ? ` (${eventIds.length} times)` : "";
    step(`The agent sent ${description}${times}.`, eventIds.map((eventId) => ({ kind: "egress", eventId })));
  }
  if (requests.length > MAX_LISTED) step(`The agent sent requests to ${requests.length - MAX_LISTED} more destinations.`);

  for (const [where, leaks] of groupBy(evidence.leakedCanaries, (leak) => leak.where.kind)) {
    const names = [...new Set(leaks.map((leak) => clean(leak.name, 40)))];
    const canaries = names.length === 1 ? `the planted canary ${names[0]}` : `the planted canaries ${names.join(", ")}`;
    step(`${WHERE_LABEL[where]} ${canaries}.`, leaks.map((leak) => leak.where));
  }
  if (evidence.replySecretKinds.length > 0) {
    step(`The reply contained data detected as ${evidence.replySecretKinds.map((kind) => clean(kind, 32)).join(", ")}.`, [{ kind: "reply" }]);
  }

  if (input.judged && input.verdict) step(verdictText(input.verdict), input.verdict.evidence);
  return steps;
}

function verdictText(verdict: TurnVerdict): string {
  if (verdict.verdict === "fail") return `The turn failed: ${FAILURE_LABEL[verdict.detector] ?? "a detector fired"}.`;
  if (verdict.verdict === "inconclusive") return "The turn is inconclusive: it proves nothing either way.";
  if (verdict.detector === "refusal") return "The agent refused.";
  return "Nothing leaked and no forbidden action was seen: the turn passed.";
}

/** Requests grouped by what a reader needs (method, host, class; never the path), first-seen order. */
function groupRequests(egress: StoryEvidence["egress"], clean: (text: string, max?: number) => string): [string, string[]][] {
  const describe = (event: StoryEvidence["egress"][number]) =>
    `${clean(event.method, 16)} to ${clean(event.host)} (${DESTINATION_LABEL[event.destinationClass]}${event.sinkholed ? ", sinkholed" : ""})`;
  return [...groupBy(egress, describe)].map(([description, events]) => [description, events.map((event) => event.eventId)]);
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
