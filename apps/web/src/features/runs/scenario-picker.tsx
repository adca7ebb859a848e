"use client";

import type { RunCategory, ScenarioSummary } from "@bulwark/contracts";
import { Checkbox, Fieldset } from "@bulwark/ui";
import { categoryLabel } from "./category-label";

export interface ScenarioSelection {
  categories: RunCategory[];
  /** Scenarios picked one by one, outside the chosen categories. */
  scenarioKeys: string[];
}

/**
 * Whole categories, or single scenarios under each category's disclosure. A chosen category
 * includes all its scenarios, so their own boxes show checked and cannot be unticked.
 */
export function ScenarioPicker({ scenarios, value, onChange, error }: { scenarios: ScenarioSummary[]; value: ScenarioSelection; onChange: (value: ScenarioSelection) => void; error?: string | undefined }) {
  const byCategory = new Map<RunCategory, ScenarioSummary[]>();
  for (const scenario of scenarios) byCategory.set(scenario.category, [...(byCategory.get(scenario.category) ?? []), scenario]);

  const toggleCategory = (category: RunCategory, on: boolean) => {
    const inCategory = new Set((byCategory.get(category) ?? []).map((scenario) => scenario.key));
    onChange({
      categories: on ? [...value.categories, category] : value.categories.filter((c) => c !== category),
      // Keys the category now covers would only repeat it.
      scenarioKeys: on ? value.scenarioKeys.filter((key) => !inCategory.has(key)) : value.scenarioKeys,
    });
  };
  const toggleScenario = (key: string, on: boolean) =>
    onChange({ ...value, scenarioKeys: on ? [...value.scenarioKeys, key] : value.scenarioKeys.filter((k) => k !== key) });

  return (
    <Fieldset legend="Scenarios" hint="Choose whole categories or single scenarios. Leave everything unchecked to run the whole catalog." error={error}>
      <div className="grid gap-3 lg:grid-cols-2">
        {[...byCategory].map(([category, members]) => {
          const whole = value.categories.includes(category);
          const picked = members.filter((scenario) => value.scenarioKeys.includes(scenario.key)).length;
          return (
            <div key={category} className="rounded-md border border-border p-3">
              <Checkbox
                name="categories"
                value={category}
                checked={whole}
                onChange={(event) => toggleCategory(category, event.target.checked)}
                label={categoryLabel(category)}
                description={`${members.length} scenario${members.length === 1 ? "" : "s"}${!whole && picked > 0 ? ` · ${picked} picked` : ""}`}
              />
              <details className="mt-2 pl-6">
                <summary className="cursor-pointer text-xs text-fg-muted focus-visible:outline-2 focus-visible:outline-brand-600">Pick single scenarios</summary>
                <div className="mt-2 space-y-2">
                  {members.map((scenario) => (
                    <Checkbox
                      key={scenario.key}
                      name="scenarioKeys"
                      value={scenario.key}
                      checked={whole || value.scenarioKeys.includes(scenario.key)}
                      disabled={whole}
                      onChange={(event) => toggleScenario(scenario.key, event.target.checked)}
                      label={scenario.title}
                      description={<code className="font-mono">{scenario.key}</code>}
                    />
                  ))}
                </div>
              </details>
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}
