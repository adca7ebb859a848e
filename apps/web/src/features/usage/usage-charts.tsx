"use client";

import { Field, Select } from "@bulwark/ui";
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLORS } from "@/features/shared/chart-colors";

export interface UsageRow {
  label: string;
  runs: number;
  turns: number;
  agentCalls: number;
  events: number;
  costMicros: number;
}

const METRICS = {
  runs: { label: "Runs", format: (value: number) => String(value) },
  turns: { label: "Turns", format: (value: number) => String(value) },
  agentCalls: { label: "Agent calls", format: (value: number) => String(value) },
  events: { label: "Egress events", format: (value: number) => String(value) },
  costMicros: { label: "Estimated cost", format: (value: number) => `$${(value / 1_000_000).toFixed(2)}` },
} as const;
type Metric = keyof typeof METRICS;

/** One metric of the org's usage per day and per project, as bar charts with the figures in hidden tables. */
export function UsageCharts({ byDay, byProject }: { byDay: UsageRow[]; byProject: UsageRow[] }) {
  const [metric, setMetric] = useState<Metric>("runs");
  return (
    <>
      <div className="mb-4 w-60">
        <Field label="Metric">
          {(control) => (
            <Select {...control} value={metric} onChange={(event) => setMetric(event.target.value as Metric)}>
              {Object.entries(METRICS).map(([value, { label }]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <UsageBarChart title={`${METRICS[metric].label} per day`} rows={byDay} metric={metric} firstColumn="Day (UTC)" />
        <UsageBarChart title={`${METRICS[metric].label} per project`} rows={byProject} metric={metric} firstColumn="Project" />
      </div>
    </>
  );
}

function UsageBarChart({ title, rows, metric, firstColumn }: { title: string; rows: UsageRow[]; metric: Metric; firstColumn: string }) {
  const { format } = METRICS[metric];
  return (
    <figure aria-label={title} className="rounded-lg border border-border bg-surface p-4">
      <figcaption className="mb-2 text-sm font-semibold">{title}</figcaption>
      {/* Fixed height: the chart measures itself after hydration, and the page must not move. */}
      <div aria-hidden="true" className="h-60 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke={CHART_COLORS.grid} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={12} />
            <YAxis tick={{ fontSize: 12 }} width={56} tickFormatter={(value: number) => format(value)} allowDecimals={metric === "costMicros"} />
            <Tooltip formatter={(value) => [format(Number(value)), METRICS[metric].label]} />
            <Bar dataKey={metric} fill={CHART_COLORS.brand} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{firstColumn}</th>
            <th scope="col">{METRICS[metric].label}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{format(row[metric])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
