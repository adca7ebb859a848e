import { type RunReport } from "./run-report";

/**
 * The report model itself, as stable JSON: keys sorted at every depth and two-space indentation,
 * so the same run renders byte for byte the same whatever order its fields were built in.
 */
export function renderJson(report: RunReport): string {
  return `${JSON.stringify(sortKeys(report), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) sorted[key] = sortKeys(record[key]);
  return sorted;
}
