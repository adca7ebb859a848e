/**
 * Tool-call arguments as JSON text, for substring checks. Arguments come from the agent's parsed
 * reply, but a connector could hand over anything: never throw, and treat what has no JSON form
 * (a cycle, a bigint) as carrying nothing.
 */
export function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}
