import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { getMetrics } from "./registry";

// The monitoring assets must not drift from the code: every series a dashboard panel or a rule
// reads has to be one this registry exposes (or a recording rule defined beside them).
const MONITORING = path.join(import.meta.dirname, "../../../../../deploy/monitoring");

interface RuleFile {
  groups: { name: string; rules: { record?: string; alert?: string; expr: string; for?: string; annotations?: Record<string, string> }[] }[];
}
interface Panel {
  title: string;
  type: string;
  targets?: { expr: string }[];
  panels?: Panel[];
}

const rules = parse(readFileSync(path.join(MONITORING, "alerts.yml"), "utf8")) as RuleFile;
const dashboard = JSON.parse(readFileSync(path.join(MONITORING, "grafana-dashboard.json"), "utf8")) as {
  panels: Panel[];
  templating: { list: { name: string; type: string; query: string }[] };
};

/** Series names the registry exposes, with a histogram's _bucket/_sum/_count. */
function exposedNames(): Set<string> {
  const names = new Set<string>();
  for (const metric of getMetrics().registry.getMetricsAsArray()) {
    const { name, type } = metric as unknown as { name: string; type: string };
    names.add(name);
    if (type === "histogram") for (const suffix of ["_bucket", "_sum", "_count"]) names.add(name + suffix);
    if (type === "summary") for (const suffix of ["_sum", "_count"]) names.add(name + suffix);
  }
  return names;
}

const KEYWORDS = new Set(["by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless", "offset"]);

/**
 * The metric names a PromQL expression reads: what is left after dropping strings, label
 * matchers, grouping clauses and ranges, minus function and aggregation names (followed by "(")
 * and keywords.
 */
export function metricNamesIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, "")
    .replace(/\{[^}]*\}/g, "")
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, "")
    .replace(/\[[^\]]*\]/g, "");
  const names = [...bare.matchAll(/(?<![\w:.$])([a-zA-Z_:][\w:]*)(?![\w:])(?!\s*\()/g)].map((m) => m[1]!);
  return [...new Set(names.filter((name) => !KEYWORDS.has(name)))];
}

function allPanels(panels: Panel[]): Panel[] {
  return panels.flatMap((p) => [p, ...allPanels(p.panels ?? [])]);
}

const recorded = new Set(rules.groups.flatMap((g) => g.rules.flatMap((r) => (r.record ? [r.record] : []))));
// `up` is Prometheus's own per-target series.
const known = new Set([...exposedNames(), ...recorded, "up"]);

describe("metricNamesIn", () => {
  it("finds the series and ignores functions, labels, groupings and ranges", () => {
    expect(metricNamesIn('histogram_quantile(0.95, sum by (route, le) (rate(bulwark_x_bucket{status=~"5.."}[5m])))')).toEqual(["bulwark_x_bucket"]);
    expect(metricNamesIn("bulwark:a:rate5m > 0.02 and sum(rate(b_total[$__rate_interval])) > 0.1")).toEqual(["bulwark:a:rate5m", "b_total"]);
    expect(metricNamesIn("1 - max(c) unless on (queue) d")).toEqual(["c", "d"]);
  });
});

describe("monitoring assets", () => {
  it("the registry exposes the families the assets and the HPA rely on", () => {
    for (const name of ["bulwark_queue_depth", "bulwark_http_requests_total", "bulwark_http_request_duration_seconds_bucket", "process_cpu_seconds_total"]) {
      expect(known.has(name), name).toBe(true);
    }
    for (const name of exposedNames()) expect(name, "one naming scheme").toMatch(/^(bulwark|process|nodejs)_[a-z0-9_]+$/);
  });

  it("every dashboard panel query reads only series the registry exposes", () => {
    const queries = allPanels(dashboard.panels).flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr })));
    expect(queries.length).toBeGreaterThan(20);
    for (const { panel, expr } of queries) {
      const names = metricNamesIn(expr);
      expect(names.length, `${panel}: ${expr}`).toBeGreaterThan(0);
      expect(names.filter((name) => !known.has(name)), `${panel}: ${expr}`).toEqual([]);
    }
    for (const panel of allPanels(dashboard.panels).filter((p) => p.type !== "row")) expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
  });

  it("the dashboard takes its Prometheus data source as a template variable", () => {
    expect(dashboard.templating.list).toContainEqual(expect.objectContaining({ name: "datasource", type: "datasource", query: "prometheus" }));
    const sources = allPanels(dashboard.panels)
      .filter((p) => p.type !== "row")
      .map((p) => (p as unknown as { datasource: { uid: string } }).datasource.uid);
    expect(new Set(sources)).toEqual(new Set(["${datasource}"]));
  });

  it("every rule expression reads only exposed series or recorded ones, and every alert waits and explains", () => {
    const all = rules.groups.flatMap((g) => g.rules);
    expect(all.filter((r) => r.alert).length).toBeGreaterThanOrEqual(6);
    for (const rule of all) {
      const names = metricNamesIn(rule.expr);
      expect(names.length, rule.expr).toBeGreaterThan(0);
      expect(names.filter((name) => !known.has(name)), rule.alert ?? rule.record).toEqual([]);
      if (rule.alert) expect(rule.annotations?.summary && rule.annotations.description, rule.alert).toBeTruthy();
    }
  });
});
