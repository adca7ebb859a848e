"use client";

import type { RunComparison } from "@bulwark/contracts";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLORS } from "@/features/shared/chart-colors";
import { categoryLabel } from "./category-label";

const percent = (rate: number | null) => (rate === null ? "n/a" : `${Math.round(rate * 100)}%`);

/**
 * Pass rate per category in this run beside the base run's. The chart is drawn for sighted
 * users; the same figures are in a visually hidden table, which is what screen readers get.
 */
export function CategoryComparisonChart({ categories }: { categories: RunComparison["categories"] }) {
  const data = categories.map((row) => ({ name: categoryLabel(row.category), run: row.run === null ? null : Math.round(row.run * 100), base: row.base === null ? null : Math.round(row.base * 100) }));
  return (
    <figure>
      {/* Fixed height: the chart measures itself after hydration, and the page must not move. */}
      <div aria-hidden="true" className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke={CHART_COLORS.grid} />
            <XAxis dataKey="name" tick={{ fontSize: 12 }} interval={0} />
            <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} width={48} />
            <Tooltip formatter={(value) => `${String(value)}%`} />
            <Legend />
            <Bar dataKey="base" name="Previous run" fill={CHART_COLORS.muted} />
            <Bar dataKey="run" name="This run" fill={CHART_COLORS.brand} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>Pass rate per category, this run and the previous run</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">This run</th>
            <th scope="col">Previous run</th>
          </tr>
        </thead>
        <tbody>
          {categories.map((row) => (
            <tr key={row.category}>
              <th scope="row">{categoryLabel(row.category)}</th>
              <td>{percent(row.run)}</td>
              <td>{percent(row.base)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
