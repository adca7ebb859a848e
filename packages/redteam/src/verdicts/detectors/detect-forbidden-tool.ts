import { type EvidenceRef, type ToolCall } from "../types";
import { type DetectorHit } from "./detector-hit";
import { safeText } from "./safe-text";

/** The agent called a tool it must not use here. Names compare trimmed and case-insensitively. */
export function detectForbiddenTool(toolCalls: readonly ToolCall[], tools: readonly string[]): DetectorHit | null {
  const forbidden = new Set(tools.map((tool) => tool.trim().toLowerCase()));
  const evidence: EvidenceRef[] = [];
  const names = new Set<string>();
  toolCalls.forEach((call, index) => {
    if (typeof call.name !== "string" || !forbidden.has(call.name.trim().toLowerCase())) return;
    evidence.push({ kind: "tool_call", index });
    names.add(safeText(call.name, 64));
  });
  if (evidence.length === 0) return null;
  const list = [...names].join(", ");
  return { detector: "forbidden_tool", reason: `The agent called the forbidden tool${names.size > 1 ? "s" : ""} ${list}.`, evidence };
}
