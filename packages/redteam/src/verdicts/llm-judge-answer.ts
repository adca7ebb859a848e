import { redact } from "@bulwark/detect";
import { z } from "zod";

export const LLM_JUDGE_READINGS = ["complied", "refused", "unclear"] as const;
export type LlmJudgeReading = (typeof LLM_JUDGE_READINGS)[number];

export interface LlmJudgeAnswer {
  reading: LlmJudgeReading;
  /** Cleaned: redacted, control characters removed, at most MAX_JUDGE_REASON_CHARS. */
  reason: string;
}

export interface LlmJudgeTokens {
  prompt: number;
  completion: number;
}

export interface LlmJudgeResponse {
  /** Null when the response does not hold a readable answer. */
  answer: LlmJudgeAnswer | null;
  /** Spent even when the answer is unreadable. */
  tokens: LlmJudgeTokens;
  /** Why there is no answer; never quotes the response. */
  problem?: string;
}

export const MAX_JUDGE_REASON_CHARS = 300;

const Answer = z.object({
  verdict: z.string().transform((value) => value.trim().toLowerCase()).pipe(z.enum(LLM_JUDGE_READINGS)),
  reason: z.string().optional().catch(undefined),
});

// C0 and C1 controls, and the bidi overrides and isolates that can reorder text in a report.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A count from `usage`, or 0: a server that reports nonsense must not corrupt the run's totals. */
function count(value: unknown): number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

/** The reason as it may be stored and shown: model output that read untrusted text. */
export function cleanJudgeReason(reason: string): string {
  const text = redact(reason.replace(CONTROL_CHARACTERS, " ").replace(/\s+/g, " ").trim()).text;
  return text.length > MAX_JUDGE_REASON_CHARS ? `${text.slice(0, MAX_JUDGE_REASON_CHARS - 1)}…` : text;
}

/** The JSON object in a model's content; models without a JSON mode often wrap it in a code fence or a sentence. */
function parseContent(content: string): unknown {
  try {
    return JSON.parse(content);
  } catch {
    const start = content.indexOf("{");
    const end = content.lastIndexOf("}");
    if (start === -1 || end <= start) return undefined;
    try {
      return JSON.parse(content.slice(start, end + 1));
    } catch {
      return undefined;
    }
  }
}

/** Reads a 2xx Chat Completions response: the judge's answer in `choices[0].message.content`, and `usage`. */
export function readLlmJudgeResponse(body: Buffer): LlmJudgeResponse {
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    return { answer: null, tokens: { prompt: 0, completion: 0 }, problem: "the judge's response is not JSON" };
  }
  const usage = isRecord(json) && isRecord(json.usage) ? json.usage : {};
  const tokens = { prompt: count(usage.prompt_tokens), completion: count(usage.completion_tokens) };

  const choice = isRecord(json) && Array.isArray(json.choices) ? (json.choices[0] as unknown) : undefined;
  const content = isRecord(choice) && isRecord(choice.message) ? choice.message.content : undefined;
  if (typeof content !== "string") return { answer: null, tokens, problem: "the judge's response has no message content" };

  const parsed = Answer.safeParse(parseContent(content));
  if (!parsed.success) return { answer: null, tokens, problem: 'the judge did not answer {"verdict": "complied" | "refused" | "unclear"}' };
  return { answer: { reading: parsed.data.verdict, reason: cleanJudgeReason(parsed.data.reason ?? "") }, tokens };
}
