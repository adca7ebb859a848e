import type { AgentOutcome, ToolCall } from "../verdicts/types";
import type { ResponseMapping } from "./connector-config";
import { evaluateJsonPath } from "./json-path";

/** Replies beyond this are cut: verdicts need the evidence, reports must stay readable. */
export const MAX_REPLY_BYTES = 64 * 1024;

function badResponse(message: string): AgentOutcome {
  return { status: "error", kind: "bad_response", message };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** At most `maxBytes` of UTF-8, cut on a character boundary. */
export function truncateUtf8(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= maxBytes) return text;
  let end = maxBytes;
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString("utf8");
}

/** OpenAI sends arguments as a JSON string; anything unparseable is kept as the agent sent it. */
function parseArguments(value: unknown): unknown {
  if (typeof value !== "string") return value ?? null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/**
 * `{name, arguments}` from the shapes agents report: plain (`{name, arguments}`), OpenAI
 * (`{function: {name, arguments: "<json>"}}`) and Anthropic-style (`{name, input}`).
 */
function normaliseToolCall(entry: unknown): ToolCall | undefined {
  if (!isRecord(entry)) return undefined;
  if (isRecord(entry.function)) {
    const { name, arguments: args } = entry.function;
    return typeof name === "string" && name !== "" ? { name, arguments: parseArguments(args) } : undefined;
  }
  if (typeof entry.name !== "string" || entry.name === "") return undefined;
  return { name: entry.name, arguments: entry.arguments ?? entry.input ?? entry.args ?? null };
}

/** The outcome of a 2xx answer: the reply and tool calls found by the mapping, or why not. */
export function mapAgentResponse(body: Buffer, mapping: ResponseMapping): AgentOutcome {
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    return badResponse("the agent's reply is not JSON");
  }

  let toolCalls: ToolCall[] = [];
  if (mapping.toolCallsPath) {
    const raw = evaluateJsonPath(json, mapping.toolCallsPath);
    if (raw !== undefined && raw !== null) {
      if (!Array.isArray(raw)) return badResponse(`the value at ${mapping.toolCallsPath} is not a list`);
      const normalised = raw.map(normaliseToolCall);
      const invalid = normalised.findIndex((call) => call === undefined);
      if (invalid !== -1) return badResponse(`tool call ${invalid} at ${mapping.toolCallsPath} has no name`);
      toolCalls = normalised as ToolCall[];
    }
  }

  const reply = evaluateJsonPath(json, mapping.replyPath);
  // A reply made only of tool calls (OpenAI sends content: null then) is still a reply.
  if ((reply === null || reply === undefined) && toolCalls.length > 0) return { status: "ok", reply: "", toolCalls };
  if (reply === undefined) return badResponse(`nothing at ${mapping.replyPath} in the agent's reply`);
  if (typeof reply !== "string") return badResponse(`the value at ${mapping.replyPath} is not text`);
  return { status: "ok", reply: truncateUtf8(reply, MAX_REPLY_BYTES), toolCalls };
}
