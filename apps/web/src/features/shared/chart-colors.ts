/**
 * The design tokens (app/globals.css) as literal colors for SVG charts: recharts sets them as
 * attributes, and Tailwind only emits the CSS variables that class names use.
 */
export const CHART_COLORS = {
  brand: "#4338ca",
  muted: "#6b7280",
  grid: "#d9dce1",
  danger: "#b91c1c",
  warning: "#92400e",
  success: "#065f46",
} as const;

/** A series color per index, distinguishable from each other on white (all above 4.5:1). */
export const SERIES_COLORS = ["#4338ca", "#b91c1c", "#065f46", "#92400e", "#6b21a8", "#0e7490", "#374151"] as const;
