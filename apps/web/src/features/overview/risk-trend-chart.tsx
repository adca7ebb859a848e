"use client";

import { Field, formatDateTime, Select } from "@bulwark/ui";
import { useState } from "react";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLORS } from "@/features/shared/chart-colors";

export interface RiskPoint {
  runId: string;
  projectId: string;
  projectName: string;
  finishedAt: string;
  riskScore: number;
}

const day = (iso: string) => iso.slice(0, 10);

/**
 * Risk score (0–10) of completed runs, oldest first, for every project or one. The chart is for
 * sighted users; the same figures are in a visually hidden table for screen readers.
 */
export function RiskTrendChart({ points }: { points: RiskPoint[] }) {
  const [projectId, setProjectId] = useState("");
  const projects = [...new Map(points.map((point) => [point.projectId, point.projectName])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const shown = projectId ? points.filter((point) => point.projectId === projectId) : points;
  const data = shown.map((point, index) => ({ ...point, index: index + 1 }));
  const latest = shown.at(-1);
  return (
    <figure aria-label="Risk score trend">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <div className="w-60">
          <Field label="Trend for">
            {(control) => (
              <Select {...control} value={projectId} onChange={(event) => setProjectId(event.target.value)}>
                <option value="">All projects</option>
                {projects.map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <figcaption className="text-sm text-fg-muted">
          {shown.length} completed run{shown.length === 1 ? "" : "s"}
          {latest ? `; latest score ${latest.riskScore.toFixed(1)} of 10` : ""}
        </figcaption>
      </div>
      {/* Fixed height: the chart measures itself after hydration, and the page must not move. */}
      <div aria-hidden="true" className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke={CHART_COLORS.grid} />
            <XAxis dataKey="index" tickFormatter={(index: number) => (data[index - 1] ? day(data[index - 1]!.finishedAt) : "")} tick={{ fontSize: 12 }} minTickGap={24} />
            <YAxis domain={[0, 10]} ticks={[0, 4, 7, 9, 10]} tick={{ fontSize: 12 }} width={32} />
            {/* The band edges of packages/redteam's scoring: medium from 4, high from 7, critical from 9. */}
            <ReferenceLine y={7} stroke={CHART_COLORS.warning} strokeDasharray="4 4" />
            <ReferenceLine y={9} stroke={CHART_COLORS.danger} strokeDasharray="4 4" />
            <Tooltip
              labelFormatter={(_, payload) => {
                const point = payload?.[0]?.payload as RiskPoint | undefined;
                return point ? `${point.projectName} · ${formatDateTime(point.finishedAt)}` : "";
              }}
              formatter={(value) => [Number(value).toFixed(1), "Risk score"]}
            />
            <Line type="monotone" dataKey="riskScore" name="Risk score" stroke={CHART_COLORS.brand} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>Risk score per completed run, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Finished</th>
            <th scope="col">Project</th>
            <th scope="col">Run</th>
            <th scope="col">Risk score</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((point) => (
            <tr key={point.runId}>
              <td>{formatDateTime(point.finishedAt)}</td>
              <td>{point.projectName}</td>
              <td>{point.runId}</td>
              <td>{point.riskScore.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
