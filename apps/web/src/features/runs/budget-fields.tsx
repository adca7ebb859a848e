"use client";

import { RunBudget } from "@bulwark/contracts";
import { Field, Input } from "@bulwark/ui";

/** The budget form's text, one entry per RunBudget field; empty means "no cap of mine". */
export type BudgetDraft = Record<keyof RunBudget, string>;
export const EMPTY_BUDGET: BudgetDraft = { maxTurns: "", maxAgentCalls: "", maxRuntimeSeconds: "", maxCostUsd: "" };

const FIELDS: { name: keyof RunBudget; label: string; step: string; min: number }[] = [
  { name: "maxTurns", label: "Max turns", step: "1", min: 1 },
  { name: "maxAgentCalls", label: "Max agent calls", step: "1", min: 1 },
  { name: "maxRuntimeSeconds", label: "Max runtime (seconds)", step: "1", min: 10 },
  { name: "maxCostUsd", label: "Max cost (USD)", step: "0.01", min: 0.01 },
];

/**
 * The draft checked with the API's own RunBudget schema, so a value the server would refuse
 * is flagged while typing, with the same rule.
 */
export function parseBudget(draft: BudgetDraft): { budget: RunBudget | undefined; errors: Partial<Record<keyof RunBudget, string>> } {
  const values: Record<string, number> = {};
  const errors: Partial<Record<keyof RunBudget, string>> = {};
  for (const { name } of FIELDS) {
    const text = draft[name].trim();
    if (text === "") continue;
    const value = Number(text);
    if (!Number.isFinite(value)) errors[name] = "Enter a number.";
    else values[name] = value;
  }
  const parsed = RunBudget.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = issue.path[0] as keyof RunBudget;
      errors[name] ??= issue.message;
    }
  }
  if (Object.keys(errors).length > 0) return { budget: undefined, errors };
  return { budget: Object.keys(values).length > 0 ? (parsed.data as RunBudget) : undefined, errors };
}

export function BudgetFields({ draft, onChange, errors }: { draft: BudgetDraft; onChange: (draft: BudgetDraft) => void; errors: Partial<Record<keyof RunBudget, string | undefined>> }) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-fg">Budget (optional)</legend>
      <p className="text-xs text-fg-muted">The run stops when it reaches a cap; your plan&apos;s limits apply too (the lower wins).</p>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {FIELDS.map((field) => (
          <Field key={field.name} label={field.label} error={errors[field.name]}>
            {(control) => (
              <Input
                {...control}
                name={field.name}
                type="number"
                inputMode="decimal"
                min={field.min}
                step={field.step}
                value={draft[field.name]}
                onChange={(event) => onChange({ ...draft, [field.name]: event.target.value })}
              />
            )}
          </Field>
        ))}
      </div>
    </fieldset>
  );
}
