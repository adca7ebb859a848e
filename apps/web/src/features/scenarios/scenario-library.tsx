"use client";

import { RunCategory, type ScenarioSummary } from "@bulwark/contracts";
import { Badge, Button, EmptyState, Field, Input, Select, SeverityBadge } from "@bulwark/ui";
import { useDeferredValue, useMemo, useState } from "react";
import { categoryLabel } from "@/features/runs/category-label";
import { ScenarioPhrasings } from "./scenario-phrasings";

function matches(scenario: ScenarioSummary, query: string): boolean {
  if (query === "") return true;
  return [scenario.key, scenario.title, scenario.description].some((text) => text.toLowerCase().includes(query));
}

/**
 * The catalog the organization can run: built-in and custom scenarios, searchable and filtered
 * by category. `onEdit` (members only) opens a custom scenario in the editor for a new version.
 */
export function ScenarioLibrary({ scenarios, onEdit, editingKey }: { scenarios: ScenarioSummary[]; onEdit: ((key: string) => void) | null; editingKey: string | null }) {
  const [queryInput, setQueryInput] = useState("");
  const [category, setCategory] = useState("");
  const query = useDeferredValue(queryInput.trim().toLowerCase());
  const shown = useMemo(() => scenarios.filter((scenario) => (category === "" || scenario.category === category) && matches(scenario, query)), [scenarios, category, query]);

  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-[1fr_16rem_auto] sm:items-end">
        <Field label="Search scenarios">
          {(control) => <Input {...control} type="search" value={queryInput} onChange={(event) => setQueryInput(event.target.value)} autoComplete="off" />}
        </Field>
        <Field label="Filter by category">
          {(control) => (
            <Select {...control} value={category} onChange={(event) => setCategory(event.target.value)}>
              <option value="">All categories</option>
              {RunCategory.options.map((option) => (
                <option key={option} value={option}>
                  {categoryLabel(option)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <p role="status" className="h-10 content-center text-sm text-fg-muted tabular-nums">
          {shown.length} of {scenarios.length} scenarios
        </p>
      </div>
      {shown.length === 0 ? (
        <EmptyState title="No scenario matches" description="Try another search or category." />
      ) : (
        <ul aria-label="Scenarios" className="divide-y divide-border rounded-lg border border-border bg-surface">
          {shown.map((scenario) => (
            <li key={scenario.key} aria-label={scenario.title} className="space-y-2 px-4 py-3">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="font-medium text-fg">{scenario.title}</p>
                  <p className="font-mono text-xs text-fg-muted">
                    {scenario.key} · v{scenario.version}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  <Badge>{categoryLabel(scenario.category)}</Badge>
                  <SeverityBadge severity={scenario.severity} />
                  {scenario.builtIn ? <Badge tone="info">built-in</Badge> : <Badge tone="success">custom</Badge>}
                  {onEdit && !scenario.builtIn ? (
                    <Button variant="secondary" size="sm" disabled={editingKey === scenario.key} onClick={() => onEdit(scenario.key)}>
                      New version of {scenario.title}
                    </Button>
                  ) : null}
                </div>
              </div>
              <p className="text-sm text-fg-muted">{scenario.description}</p>
              <p className="text-xs text-fg-muted">
                {scenario.turnCount} turn{scenario.turnCount === 1 ? "" : "s"} · phrasings: {scenario.variants.map((variant) => variant.replace("_", "-")).join(", ")} · detectors: {scenario.detectors.join(", ")}
              </p>
              <ScenarioPhrasings scenarioKey={scenario.key} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
